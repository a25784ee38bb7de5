package dev.nodefix.change;

import dev.nodefix.fact.Observed;
import dev.nodefix.query.OffloadState;
import dev.nodefix.query.Query;
import dev.nodefix.transport.Command;
import java.util.Objects;
import java.util.Optional;

/** Turn one offload feature of a network device on or off ({@code ethtool -K IFACE FEATURE on|off}). */
public record OffloadChange(String iface, String feature, boolean before, boolean after) implements Change {
    public OffloadChange {
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(feature, "feature");
        if (before == after) {
            throw new IllegalArgumentException("no change to " + iface + " " + feature);
        }
    }

    @Override
    public String describe() {
        return iface + ": " + feature + " " + onOff(before) + " -> " + onOff(after);
    }

    @Override
    public Optional<String> diff() {
        return Optional.of("-" + iface + " " + feature + ": " + onOff(before) + "\n+" + iface + " " + feature + ": "
                + onOff(after));
    }

    @Override
    public Optional<Change> inverse() {
        return Optional.of(new OffloadChange(iface, feature, after, before));
    }

    @Override
    public Command command() {
        return Command.of("ethtool", "-K", iface, feature, onOff(after));
    }

    @Override
    public Optional<Query> observes() {
        return Optional.of(new Query.Offload(iface));
    }

    @Override
    public Landing landing(Object observed) {
        OffloadState state = (OffloadState) observed;
        if (state.features().device() == Observed.CANNOT_TELL) { // ethtool could not run or said nothing readable
            return Landing.UNKNOWN;
        }
        return state.feature(feature)
                .map(f -> f.on() == after ? Landing.APPLIED : Landing.NOT_APPLIED)
                .orElse(Landing.DIFFERENT);
    }

    @Override
    public String kind() {
        return "offload";
    }

    static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
