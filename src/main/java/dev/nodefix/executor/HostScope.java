package dev.nodefix.executor;

import dev.nodefix.expr.Expressions;
import dev.nodefix.inventory.Host;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The variables a task's expressions see on one host in one play: {@code facts}, {@code host}, {@code role},
 * the play's {@code vars} (their {@code {{ }}} filled in, in file order), {@code -e} extra vars (which win over
 * the play's), and what earlier tasks of the play registered.
 */
final class HostScope {
    static final List<String> BUILTIN = List.of("facts", "host", "role");

    private final Expressions expressions;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final java.util.Set<String> pending = new java.util.LinkedHashSet<>();

    private HostScope(Expressions expressions) {
        this.expressions = expressions;
    }

    /** @param facts the host's facts as plain data (an empty map when the play does not gather them) */
    static HostScope of(Expressions expressions, Host host, Object facts, Map<String, ?> extraVars,
                        Map<String, Object> playVars) {
        return of(expressions, host, java.util.Optional.of(facts), extraVars, playVars);
    }

    /**
     * The scope of a play that gathers facts, before they are read: an expression that reads {@code facts}
     * fails (undefined), so what it decides is told only once they are in.
     */
    static HostScope beforeFacts(Expressions expressions, Host host, Map<String, ?> extraVars,
                                 Map<String, Object> playVars) {
        return of(expressions, host, java.util.Optional.empty(), extraVars, playVars);
    }

    private static HostScope of(Expressions expressions, Host host, java.util.Optional<Object> facts,
                                Map<String, ?> extraVars, Map<String, Object> playVars) {
        HostScope scope = new HostScope(expressions);
        facts.ifPresent(f -> scope.values.put("facts", f));
        scope.values.put("host", host.name());
        scope.values.put("role", host.role().name().toLowerCase(Locale.ROOT));
        scope.values.putAll(extraVars);
        playVars.forEach((name, value) -> {
            if (!extraVars.containsKey(name)) {
                scope.values.put(name, scope.fill(value));
            }
        });
        return scope;
    }

    void register(String name, Map<String, Object> result) {
        values.put(name, result);
        pending.remove(name);
    }

    /**
     * A plan's register of a task that has not run (its change is only planned, or it was deferred): what it
     * will hold is known only when the task runs.
     */
    void registerPending(String name, Map<String, Object> planned) {
        values.put(name, planned);
        pending.add(name);
    }

    /** The first register not known yet that the task reads in {@code when} or its arguments and name. */
    java.util.Optional<String> readsPending(dev.nodefix.playbook.PlayTask task) {
        String text = String.join("\n", task.when()) + "\n" + task.args() + "\n" + task.name();
        return pending.stream().filter(name -> java.util.regex.Pattern.compile(
                "(?<![\\w.])" + java.util.regex.Pattern.quote(name) + "(?!\\w)").matcher(text).find()).findFirst();
    }

    /** Everything, for {@code when}, {@code until} and {@code {{ }}}. */
    Map<String, Object> context() {
        return values;
    }

    /** Everything but the built-in names: what a task's {@code assert} sees as its vars. */
    Map<String, Object> userVars() {
        Map<String, Object> out = new LinkedHashMap<>(values);
        BUILTIN.forEach(out::remove);
        return out;
    }

    /** A copy of {@code raw} with every {@code {{ }}} in its text filled in, however deep. */
    Object fill(Object raw) {
        if (raw instanceof String text) {
            return Expressions.isTemplate(text) ? expressions.interpolate(text, values) : text;
        }
        if (raw instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), fill(v)));
            return out;
        }
        if (raw instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(fill(v)));
            return out;
        }
        return raw;
    }

    /** Whether every condition holds; the first that does not, else empty. */
    java.util.Optional<String> firstFalse(List<String> conditions, Map<String, Object> more) {
        Map<String, Object> context = more.isEmpty() ? values : merged(more);
        for (String condition : conditions) {
            if (!expressions.test(condition, context)) {
                return java.util.Optional.of(condition);
            }
        }
        return java.util.Optional.empty();
    }

    private Map<String, Object> merged(Map<String, Object> more) {
        Map<String, Object> out = new LinkedHashMap<>(values);
        out.putAll(more);
        return out;
    }
}
