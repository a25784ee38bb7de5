package dev.nodefix.diagnose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One host's verdict, the findings it rests on (in rule order), and the bug's legs as its evidence shows them
 * (empty for a host with no facts).
 */
public record HostDiagnosis(String host, Verdict verdict, List<Finding> findings, Optional<Legs> legs) {
    public HostDiagnosis {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(verdict, "verdict");
        findings = List.copyOf(findings);
        Objects.requireNonNull(legs, "legs");
    }

    public HostDiagnosis(String host, Verdict verdict, List<Finding> findings) {
        this(host, verdict, findings, Optional.empty());
    }

    /** The verdict of the first verdict code among the findings (the verdict rules exclude each other). */
    static Verdict verdictOf(List<Finding> findings) {
        for (Verdict v : new Verdict[] {Verdict.AFFECTED, Verdict.AT_RISK, Verdict.NOT_AFFECTED}) {
            if (findings.stream().anyMatch(f -> f.code().decides().equals(Optional.of(v)))) {
                return v;
            }
        }
        return Verdict.UNKNOWN;
    }

    public boolean has(Code code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }
}
