package dev.nodefix.modules;

import dev.nodefix.module.Args;
import dev.nodefix.module.Module;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import dev.nodefix.module.Plan;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import dev.nodefix.query.WaitCondition;
import dev.nodefix.query.WaitQuery;
import dev.nodefix.query.WaitState;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code wait_for}: wait on the node until a port is open or closed, a path present or absent, or a unit active
 * or inactive, polling every 0.2 s up to {@code timeout}. The wait is the state read ({@link WaitQuery}); the plan
 * is a no-op saying how long it took, or a refusal when the time ran out. It changes nothing.
 */
public final class WaitFor implements Module<WaitFor.WaitForArgs> {
    private static final List<String> STATES = List.of("present", "absent", "started", "stopped", "active", "inactive");

    public record WaitForArgs(WaitCondition condition, Duration timeout) {
        public WaitForArgs {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    @Override
    public String name() {
        return "wait_for";
    }

    @Override
    public boolean checksOnly() {
        return true;
    }

    @Override
    public String description() {
        return "Wait until a port is open/closed, a path present/absent or a unit active/inactive, with a timeout.";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.optional("port", ParamType.INT, "a TCP port to wait for (with host)"),
                Param.withDefault("host", ParamType.STRING, "127.0.0.1", "the host the port is on, from the node"),
                Param.optional("path", ParamType.PATH, "a path to wait for"),
                Param.optional("unit", ParamType.STRING, "a systemd unit to wait for, e.g. k3s"),
                Param.choice("state", null, "port: started|stopped (default started); path: present|absent"
                        + " (default present); unit: active|inactive or started|stopped (default active)",
                        STATES.toArray(String[]::new)),
                Param.withDefault("timeout", ParamType.SECONDS, "60", "seconds to wait"));
    }

    @Override
    public WaitForArgs bind(Args args) {
        args.exclusive("port", "path", "unit");
        if (Stream.of("port", "path", "unit").noneMatch(args::has)) {
            throw args.error("", "one of port, path or unit is required");
        }
        String state = args.optionalString("state").orElse("");
        Duration timeout = args.seconds("timeout");
        return new WaitForArgs(condition(args, state), timeout);
    }

    private static WaitCondition condition(Args args, String state) {
        if (args.has("port")) {
            int port = args.integer("port");
            String host = args.string("host");
            if (port < 1 || port > 65535) {
                throw args.error("port", "expected 1 to 65535, got " + port);
            }
            if (!host.matches("[A-Za-z0-9_.:-]{1,253}")) {
                throw args.error("host", "not a host name or address: '" + host + "'");
            }
            return new WaitCondition.Port(host, port, want(args, state, "started", "stopped", "port"));
        }
        if (args.has("path")) {
            return new WaitCondition.Path(args.string("path"), want(args, state, "present", "absent", "path"));
        }
        String given = args.string("unit");
        String unit = given.matches(SystemdUnit.UNIT_NAME) ? given : given + ".service";
        if (!unit.matches(SystemdUnit.UNIT_NAME)) {
            throw args.error("unit", "not a unit name: '" + given + "'");
        }
        return new WaitCondition.Unit(unit, want(args, state, "active", "inactive", "unit"));
    }

    /** Whether the state wanted is the "on" one (open, present, active); no state means on. */
    private static boolean want(Args args, String state, String yes, String no, String kind) {
        if (state.isEmpty() || state.equals(yes) || kind.equals("unit") && state.equals("started")) {
            return true;
        }
        if (state.equals(no) || kind.equals("unit") && state.equals("stopped")) {
            return false;
        }
        throw args.error("state", "a " + kind + " is waited for as " + yes + " or " + no + ", not " + state);
    }

    @Override
    public List<Query> reads(WaitForArgs args) {
        return List.of(new WaitQuery(args.condition(), args.timeout()));
    }

    @Override
    public Plan plan(WaitForArgs args, NodeState state) {
        WaitState waited = new WaitQuery(args.condition(), args.timeout()).in(state);
        if (waited.met()) {
            return new Plan.NoOp(args.condition().describe() + " after " + took(waited.waited()));
        }
        return new Plan.Refused("timed out after " + Probe.seconds(args.timeout()) + " waiting for "
                + args.condition().describe());
    }

    private static String took(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
