package dev.nodefix.change;

import dev.nodefix.query.Query;
import dev.nodefix.query.UnitState;
import dev.nodefix.transport.Command;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Start, stop or restart a unit, then wait (up to {@code timeout}) until it is active (start, restart) or
 * inactive (stop). A restart is a trigger: its inverse is another restart, after the task's other inverses.
 */
public record ServiceChange(String unit, Action action, Duration timeout) implements Change {
    public enum Action { START, STOP, RESTART;
        String verb() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** $1 verb, $2 unit, $3 tenths of a second to wait. */
    private static final String RUN = "systemctl \"$1\" -- \"$2\" || exit\n"
            + "i=0; while :; do s=$(systemctl is-active -- \"$2\")\n"
            + "  case \"$1:$s\" in stop:inactive|stop:failed|start:active|restart:active) exit 0 ;; esac\n"
            + "  [ \"$s\" = failed ] && { echo \"$2 failed to start\" >&2; exit 1; }\n"
            + "  i=$((i+1)); [ \"$i\" -ge \"$3\" ] && { echo \"$2 is $s after $(( $3 / 10 ))s\" >&2; exit 1; }\n"
            + "  sleep 0.1; done";

    public ServiceChange {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String describe() {
        return action.verb() + " " + unit;
    }

    @Override
    public Optional<Change> inverse() {
        return Optional.of(switch (action) {
            case START -> new ServiceChange(unit, Action.STOP, timeout);
            case STOP -> new ServiceChange(unit, Action.START, timeout);
            case RESTART -> this;
        });
    }

    @Override
    public boolean trigger() {
        return action == Action.RESTART;
    }

    @Override
    public Command command() {
        long tenths = Math.max(1, timeout.toMillis() / 100);
        return Command.of("/bin/sh", "-c", RUN, "nodefix-service", action.verb(), unit, Long.toString(tenths))
                .withTimeout(timeout.plusSeconds(30));
    }

    @Override
    public Optional<dev.nodefix.query.Waiting> waits() {
        return Optional.of(new dev.nodefix.query.Waiting(unit + " to be " + (action == Action.STOP ? "inactive"
                : "active"), timeout));
    }

    @Override
    public Optional<Query> observes() {
        return action == Action.RESTART ? Optional.empty() : Optional.of(new Query.Unit(unit));
    }

    @Override
    public Landing landing(Object observed) {
        if (action == Action.RESTART) {
            return Landing.UNKNOWN;
        }
        boolean active = ((UnitState) observed).isActive();
        return active == (action == Action.START) ? Landing.APPLIED : Landing.NOT_APPLIED;
    }

    @Override
    public String kind() {
        return "service";
    }
}
