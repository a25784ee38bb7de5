package dev.nodefix.modules;

import dev.nodefix.expr.ExpressionException;
import dev.nodefix.expr.Expressions;
import dev.nodefix.fact.FactKeys;
import dev.nodefix.fact.PlainData;
import dev.nodefix.module.ArgException;
import dev.nodefix.module.Args;
import dev.nodefix.module.Invocation;
import dev.nodefix.module.Module;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import dev.nodefix.module.Plan;
import dev.nodefix.query.FactsQuery;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code assert}: conditions ({@code that}: one sandboxed expression or a list) over the node's {@code facts}
 * (as {@code facts --json} shows them), {@code vars} (each also by its own name), {@code host} and {@code role}. It changes nothing: a
 * no-op when every condition holds, a refusal naming the first that does not, with {@code fail_msg}.
 *
 * <p>{@code vars} is a mapping of plain data; {@link Args} has no type for that, so {@link #invoke} takes it
 * out before binding the rest.
 */
public final class Assert implements Module<Assert.AssertArgs> {
    private final Expressions expressions;
    private final FactsQuery facts = FactsQuery.shipped();
    /** Every host's facts under their snake_case keys (as {@code facts --json}); record classes looked up once. */
    private final PlainData plain = new PlainData(FactKeys::snake);

    /** @param expressions evaluates the conditions ({@code that}) */
    public Assert(Expressions expressions) {
        this.expressions = expressions;
    }

    public record AssertArgs(List<String> that, Optional<String> failMsg, Map<String, Object> vars) {
        public AssertArgs {
            that = List.copyOf(that);
            if (that.isEmpty()) {
                throw new IllegalArgumentException("no conditions");
            }
            Objects.requireNonNull(failMsg, "failMsg");
            vars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        }
    }

    @Override
    public String name() {
        return "assert";
    }

    @Override
    public boolean checksOnly() {
        return true;
    }

    @Override
    public String description() {
        return "Check conditions over the node's facts and vars (sandboxed JEXL); changes nothing.";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.required("that", ParamType.SCALARS, "a condition or a list of them, e.g."
                        + " facts.k3s.role == 'server'"),
                Param.optional("fail_msg", ParamType.STRING, "the message when a condition does not hold ({{ }} allowed)"),
                Param.optional("vars", ParamType.STRING, "a mapping of values the conditions may read as vars.NAME"));
    }

    @Override
    public Invocation invoke(Map<String, ?> raw) {
        Map<String, Object> rest = new LinkedHashMap<>(raw);
        Object vars = rest.remove("vars");
        AssertArgs bound = bind(new Args(name(), params().stream().filter(p -> !p.name().equals("vars")).toList(), rest),
                vars(vars));
        return new Invocation(name(), bound, reads(bound), context -> reads(bound, context), state -> plan(bound, state));
    }

    @Override
    public AssertArgs bind(Args args) {
        return bind(args, Map.of());
    }

    private AssertArgs bind(Args args, Map<String, Object> vars) {
        Object that = args.optionalScalars("that").orElseThrow();
        List<String> conditions = (that instanceof List<?> l ? l : List.of(that)).stream().map(String::valueOf).toList();
        if (conditions.isEmpty()) {
            throw args.error("that", "needs at least one condition");
        }
        for (String condition : conditions) {
            try {
                expressions.check(condition);
            } catch (ExpressionException e) {
                throw args.error("that", e.getMessage());
            }
        }
        return new AssertArgs(conditions, args.optionalString("fail_msg"), vars);
    }

    private Map<String, Object> vars(Object vars) {
        if (vars == null) {
            return Map.of();
        }
        if (!(vars instanceof Map<?, ?> m)) {
            throw new ArgException(name(), "vars", "expected a mapping, got " + vars);
        }
        Object plain = PlainData.of(m);
        try {
            Expressions.requirePlain(plain);
        } catch (IllegalArgumentException e) {
            throw new ArgException(name(), "vars", e.getMessage());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) plain;
        return out;
    }

    @Override
    public List<Query> reads(AssertArgs args) {
        return List.of(facts);
    }

    /** The facts with this node's peers, so peer-routes conditions (on-link) can be asserted. */
    @Override
    public List<Query> reads(AssertArgs args, dev.nodefix.module.HostContext context) {
        return List.of(facts.withPeers(context.peers()));
    }

    @Override
    public Plan plan(AssertArgs args, NodeState state) {
        Map<String, Object> context = new LinkedHashMap<>(args.vars());
        context.put("facts", plain.plain(facts.in(state)));
        context.put("vars", args.vars());
        context.put("host", state.host());
        context.put("role", state.role().name().toLowerCase(Locale.ROOT));
        for (String condition : args.that()) {
            try {
                if (!expressions.test(condition, context)) {
                    return new Plan.Refused("assertion failed: " + condition + message(args, context));
                }
            } catch (ExpressionException e) {
                return new Plan.Refused("assertion could not be evaluated: " + e.getMessage());
            }
        }
        return new Plan.NoOp(args.that().size() == 1 ? "assertion passed: " + args.that().get(0)
                : "all " + args.that().size() + " assertions passed");
    }

    private String message(AssertArgs args, Map<String, Object> context) {
        return args.failMsg().map(m -> {
            try {
                return ": " + expressions.interpolate(m, context);
            } catch (ExpressionException e) {
                return ": " + m + " (" + e.getMessage() + ")";
            }
        }).orElse("");
    }
}
