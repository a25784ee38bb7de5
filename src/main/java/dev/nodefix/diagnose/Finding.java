package dev.nodefix.diagnose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One named observation about a host: what it means, the lines of the facts it rests on (each saying where it
 * comes from), the fix it recommends (empty when there is nothing to do), and the commands that would settle
 * what the evidence leaves open (empty when nothing is open).
 */
public record Finding(Code code, Severity severity, String message, List<String> evidence, Optional<String> fix,
        List<String> settle) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(fix, "fix");
        settle = List.copyOf(settle);
    }

    public Finding(Code code, Severity severity, String message, List<String> evidence, Optional<String> fix) {
        this(code, severity, message, evidence, fix, List.of());
    }

    public static Finding of(Code code, Severity severity, String message, List<String> evidence, String fix) {
        return new Finding(code, severity, message, evidence, Optional.ofNullable(fix));
    }

    /** This finding, naming the commands that settle its open legs. */
    Finding settledBy(List<Leg> open) {
        return new Finding(code, severity, message, evidence, fix,
                open.stream().map(l -> l.settle().orElseThrow()).distinct().toList());
    }
}
