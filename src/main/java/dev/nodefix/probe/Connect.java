package dev.nodefix.probe;

import java.util.Objects;
import java.util.Optional;

/**
 * One timed connect from a node.
 *
 * @param time   the time to connect, when it connected (or, for a refusal, when it was told)
 * @param detail the tool's exit code and output, for evidence
 */
public record Connect(ProbeTarget target, String tool, Outcome outcome, Optional<Double> millis, String detail) {
    public enum Outcome { CONNECTED, STALLED, FAILED, NO_TOOL }

    public Connect {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(millis, "millis");
        Objects.requireNonNull(detail, "detail");
    }
}
