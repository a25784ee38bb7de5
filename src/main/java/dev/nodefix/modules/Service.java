package dev.nodefix.modules;

import dev.nodefix.change.ServiceChange;
import dev.nodefix.module.Args;
import dev.nodefix.module.Module;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import dev.nodefix.module.Plan;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import dev.nodefix.query.UnitState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code service}: a unit started, stopped or restarted, waiting (up to {@code timeout}) until it is active or
 * inactive. started/stopped do nothing when it already is; restarted always restarts. A name without a unit
 * suffix means a .service.
 */
public final class Service implements Module<Service.ServiceArgs> {
    public record ServiceArgs(String name, ServiceChange.Action action, Duration timeout) {
        public ServiceArgs {
            if (!name.matches(SystemdUnit.UNIT_NAME)) {
                throw new IllegalArgumentException("not a unit name: " + name);
            }
            Objects.requireNonNull(action, "action");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
        }
    }

    @Override
    public String name() {
        return "service";
    }

    @Override
    public String description() {
        return "Start, stop or restart a systemd unit and wait until it is active (or inactive), with a timeout.";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.required("name", ParamType.STRING, "the unit, e.g. k3s or k3s-agent.service"),
                new Param("state", ParamType.CHOICE, true, List.of("started", "stopped", "restarted"),
                        java.util.Optional.empty(), "started, stopped or restarted"),
                Param.withDefault("timeout", ParamType.SECONDS, "30", "seconds to wait for the unit to settle"));
    }

    @Override
    public ServiceArgs bind(Args args) {
        String given = args.string("name");
        String name = given.matches(SystemdUnit.UNIT_NAME) ? given : given + ".service";
        if (!name.matches(SystemdUnit.UNIT_NAME)) {
            throw args.error("name", "not a unit name: '" + given + "'");
        }
        Duration timeout = args.seconds("timeout");
        if (timeout.isZero()) {
            throw args.error("timeout", "must be more than 0 seconds");
        }
        ServiceChange.Action action = switch (args.string("state")) {
            case "started" -> ServiceChange.Action.START;
            case "stopped" -> ServiceChange.Action.STOP;
            default -> ServiceChange.Action.RESTART;
        };
        return new ServiceArgs(name, action, timeout);
    }

    @Override
    public List<Query> reads(ServiceArgs args) {
        return List.of(new Query.Unit(args.name()));
    }

    @Override
    public Plan plan(ServiceArgs args, NodeState state) {
        UnitState unit = state.unit(args.name());
        if (!unit.exists()) {
            return new Plan.Refused(args.name() + " does not exist on this node (no unit file)");
        }
        boolean settled = switch (args.action()) {
            case START -> unit.isActive();
            case STOP -> unit.active().equals("inactive") || unit.active().equals("failed");
            case RESTART -> false;
        };
        return settled
                ? new Plan.NoOp(args.name() + " is already " + unit.active())
                : new Plan.Changes(List.of(new ServiceChange(args.name(), args.action(), args.timeout())));
    }
}
