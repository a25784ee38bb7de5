package dev.nodefix.diagnose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One named observation about a host: what it means, the lines of the facts it rests on, and the fix it
 * recommends (empty when there is nothing to do).
 */
public record Finding(Code code, Severity severity, String message, List<String> evidence, Optional<String> fix) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(fix, "fix");
    }

    public static Finding of(Code code, Severity severity, String message, List<String> evidence, String fix) {
        return new Finding(code, severity, message, evidence, Optional.ofNullable(fix));
    }
}
