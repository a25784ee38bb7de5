package dev.nodefix.diagnose;

import java.util.List;
import java.util.Objects;

/** One host's verdict and the findings it rests on, in rule order. */
public record HostDiagnosis(String host, Verdict verdict, List<Finding> findings) {
    public HostDiagnosis {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(verdict, "verdict");
        findings = List.copyOf(findings);
    }

    /** The verdict of the first verdict code among the findings (the verdict rules exclude each other). */
    static Verdict verdictOf(List<Finding> findings) {
        for (Verdict v : new Verdict[] {Verdict.AFFECTED, Verdict.AT_RISK, Verdict.NOT_AFFECTED}) {
            if (findings.stream().anyMatch(f -> f.code().decides().equals(java.util.Optional.of(v)))) {
                return v;
            }
        }
        return Verdict.UNKNOWN;
    }

    public boolean has(Code code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }
}
