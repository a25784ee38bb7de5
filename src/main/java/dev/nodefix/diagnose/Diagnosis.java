package dev.nodefix.diagnose;

import java.util.List;
import java.util.Objects;

/** The cluster's verdict, its remediation, and every host's diagnosis sorted by host. */
public record Diagnosis(Verdict verdict, Remediation remediation, List<HostDiagnosis> hosts) {
    public Diagnosis {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(remediation, "remediation");
        hosts = List.copyOf(hosts);
    }
}
