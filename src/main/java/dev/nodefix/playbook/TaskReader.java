package dev.nodefix.playbook;

import dev.nodefix.inventory.DidYouMean;
import dev.nodefix.module.Module;
import dev.nodefix.module.ModuleRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the tasks and handlers of one play: task keys, exactly one module, its arguments (checked by
 * {@link ModuleArgsCheck}), conditions and templates against the {@link Scope}. Remembers every
 * {@code notify} so the play can check them against its handlers.
 */
final class TaskReader {
    static final List<String> KEYS = List.of("name", "when", "register", "notify", "retries", "until", "delay", "tags",
            "become", "ignore_errors", "changed_when", "failed_when");
    private static final int DEFAULT_RETRIES = 3;
    private static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);

    /** A handler name given to {@code notify}, where it was written. */
    record Notified(String handler, Node node) {}

    private final PlaybookYaml yaml;
    private final Fields fields;
    private final ModuleRegistry registry;
    private final ExpressionCheck check;
    private final ModuleArgsCheck args;
    private final List<Notified> notified = new ArrayList<>();

    TaskReader(PlaybookYaml yaml, ModuleRegistry registry, ExpressionCheck check) {
        this.yaml = yaml;
        this.fields = new Fields(yaml);
        this.registry = registry;
        this.check = check;
        this.args = new ModuleArgsCheck(yaml, check);
    }

    List<Notified> notified() {
        return List.copyOf(notified);
    }

    /** The task, or empty when it has no usable module (the problem is recorded). */
    Optional<PlayTask> read(Node node, Scope scope) {
        if (!(node instanceof MappingNode mapping)) {
            yaml.problem(node, "a task is a mapping (module and task keys), got " + PlaybookYaml.describe(node));
            return Optional.empty();
        }
        Map<String, PlaybookYaml.Entry> keys = new LinkedHashMap<>();
        List<PlaybookYaml.Entry> modules = new ArrayList<>();
        List<PlaybookYaml.Entry> unknown = new ArrayList<>();
        for (PlaybookYaml.Entry e : yaml.entries(mapping)) {
            if (KEYS.contains(e.key())) {
                keys.put(e.key(), e);
            } else if (moduleNames().contains(e.key())) {
                modules.add(e);
            } else {
                unknown.add(e);
            }
        }
        unknown.forEach(e -> unknownKey(e, !modules.isEmpty()));
        if (modules.isEmpty()) {
            if (unknown.isEmpty()) {
                yaml.problem(node, "a task needs a module; modules: " + String.join(", ", moduleNames()));
            }
            return Optional.empty();
        }
        if (modules.size() > 1) {
            yaml.problem(modules.get(1).keyNode(), "a task runs one module, this one has '" + modules.get(0).key()
                    + "' and '" + modules.get(1).key() + "'");
        }
        return Optional.of(task(node, modules.get(0), keys, scope));
    }

    private PlayTask task(Node node, PlaybookYaml.Entry module, Map<String, PlaybookYaml.Entry> keys, Scope scope) {
        Optional<String> register = value(keys, "register").flatMap(n -> fields.text("register", n)
                .filter(r -> fields.variableName("register", r, n)));
        Scope own = register.map(scope::with).orElse(scope);
        String name = value(keys, "name").flatMap(n -> fields.text("name", n)).orElse("");
        value(keys, "name").ifPresent(n -> template(n, name, scope));
        Map<String, Object> moduleArgs = args.check(registry.get(module.key()), module, scope);
        List<String> when = conditions(keys, "when", scope);
        Optional<String> until = value(keys, "until").flatMap(n -> fields.text("until", n)
                .filter(u -> condition("until", n, u, own)));
        Optional<Integer> retries = value(keys, "retries").flatMap(n -> fields.wholeNumber("retries", n, 0, 1000));
        Optional<Double> delay = value(keys, "delay").flatMap(n -> fields.seconds("delay", n, 3600));
        List<String> notify = value(keys, "notify").map(n -> fields.textNodes("notify", n)).orElse(List.of()).stream()
                .map(n -> {
                    notified.add(new Notified(((ScalarNode) n).getValue(), n));
                    return ((ScalarNode) n).getValue();
                }).toList();
        List<String> tags = value(keys, "tags").map(n -> fields.textNodes("tags", n)).orElse(List.of()).stream()
                .filter(n -> tag((ScalarNode) n)).map(n -> ((ScalarNode) n).getValue()).toList();
        boolean retrying = until.isPresent() || retries.isPresent();
        return new PlayTask(name, module.key(), moduleArgs, when, register, notify,
                retries.orElse(retrying ? DEFAULT_RETRIES : 0), until,
                delay.map(s -> Duration.ofMillis(Math.round(s * 1000))).orElse(retrying ? DEFAULT_DELAY : Duration.ZERO),
                tags, value(keys, "become").flatMap(n -> fields.switchValue("become", n)),
                value(keys, "ignore_errors").flatMap(n -> fields.switchValue("ignore_errors", n)).orElse(false),
                conditions(keys, "changed_when", own), conditions(keys, "failed_when", own), yaml.location(node));
    }

    private List<String> conditions(Map<String, PlaybookYaml.Entry> keys, String key, Scope scope) {
        List<String> out = new ArrayList<>();
        value(keys, key).map(n -> fields.conditionNodes(key, n)).orElse(List.of()).forEach(n -> {
            String text = ((ScalarNode) n).getValue();
            if (condition(key, n, text, scope)) {
                out.add(text);
            }
        });
        return out;
    }

    private boolean condition(String key, Node node, String expression, Scope scope) {
        List<String> problems = check.expression(expression, scope.names());
        problems.forEach(p -> yaml.problem(node, key + ": " + p));
        return problems.isEmpty();
    }

    private void template(Node node, String text, Scope scope) {
        check.template(text, scope.names()).forEach(p -> yaml.problem(node, "name: " + p));
    }

    private boolean tag(ScalarNode node) {
        if (node.getValue().matches("[A-Za-z0-9_.:-]+")) {
            return true;
        }
        yaml.problem(node, "tags: '" + node.getValue() + "' is not a tag (letters, digits, _ . : -)");
        return false;
    }

    private void unknownKey(PlaybookYaml.Entry e, boolean hasModule) {
        Optional<String> near = DidYouMean.closest(e.key(), Stream.concat(KEYS.stream(), moduleNames().stream()).toList());
        boolean module = near.map(moduleNames()::contains).orElse(!hasModule);
        String hint = near.map(s -> " (did you mean '" + s + "'?)").orElse(module
                ? "; modules: " + String.join(", ", moduleNames()) : "; task keys: " + String.join(", ", KEYS));
        yaml.problem(e.keyNode(), (module ? "unknown module '" : "unknown task key '") + e.key() + "'" + hint);
    }

    private List<String> moduleNames() {
        return registry.all().stream().map(Module::name).toList();
    }

    private static Optional<Node> value(Map<String, PlaybookYaml.Entry> keys, String key) {
        return Optional.ofNullable(keys.get(key)).map(PlaybookYaml.Entry::valueNode);
    }
}
