package dev.nodefix.change;

import dev.nodefix.query.Query;
import dev.nodefix.query.UnitState;
import dev.nodefix.transport.Command;
import java.util.Objects;
import java.util.Optional;

/** {@code systemctl enable|disable UNIT}. */
public record UnitEnablementChange(String unit, boolean before, boolean after) implements Change {
    public UnitEnablementChange {
        Objects.requireNonNull(unit, "unit");
        if (before == after) {
            throw new IllegalArgumentException("no change to the enablement of " + unit);
        }
    }

    @Override
    public String describe() {
        return (after ? "enable " : "disable ") + unit;
    }

    @Override
    public Optional<Change> inverse() {
        return Optional.of(new UnitEnablementChange(unit, after, before));
    }

    @Override
    public Command command() {
        return Command.of("systemctl", after ? "enable" : "disable", "--", unit);
    }

    @Override
    public Optional<Query> observes() {
        return Optional.of(new Query.Unit(unit));
    }

    @Override
    public Landing landing(Object observed) {
        UnitState state = (UnitState) observed;
        if (!state.exists()) {
            return Landing.DIFFERENT;
        }
        return state.enabled() == after ? Landing.APPLIED : Landing.NOT_APPLIED;
    }

    @Override
    public String kind() {
        return "unit-enablement";
    }
}
