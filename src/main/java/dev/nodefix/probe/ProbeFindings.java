package dev.nodefix.probe;

import dev.nodefix.diagnose.Code;
import dev.nodefix.diagnose.Finding;
import dev.nodefix.diagnose.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A node's probe result as findings: a stall is the symptom, not a tool error. */
public final class ProbeFindings {
    private ProbeFindings() {}

    public static List<Finding> of(ProbeResult result) {
        List<Finding> findings = new ArrayList<>();
        result.connects().forEach(c -> findings.add(of(c)));
        result.csumDelta().filter(d -> d > 0).ifPresent(d -> findings.add(Finding.of(Code.UDP_CSUM_ERRORS,
                Severity.WARNING, "UDP InCsumErrors rose by " + d + " during the probe: bad VXLAN checksums arrived",
                List.of("/proc/net/snmp Udp InCsumErrors: " + result.csumBefore().orElseThrow() + " -> "
                        + result.csumAfter().orElseThrow()), null)));
        return findings;
    }

    private static Finding of(Connect c) {
        List<String> evidence = List.of("connect " + c.target() + ": " + c.detail());
        return switch (c.outcome()) {
            case CONNECTED -> Finding.of(Code.PROBE_CONNECT, Severity.INFO, "TCP connect to " + c.target() + " in "
                    + String.format(Locale.ROOT, "%.1f ms", c.millis().orElse(0.0)), evidence, null);
            case STALLED -> Finding.of(Code.PROBE_STALL, Severity.CRITICAL, "no connect to " + c.target()
                    + " within " + ProbeScript.LIMIT_SECONDS + " s: matches the 63 s SYN-retransmission pattern",
                    evidence, "apply the remediation, then probe again");
            case FAILED -> Finding.of(Code.PROBE_FAILED, Severity.WARNING, "connect to " + c.target()
                    + " failed at once (refused or no route): not the 63 s pattern; is the target a live service?",
                    evidence, null);
            case NO_TOOL -> Finding.of(Code.PROBE_FAILED, Severity.WARNING, "cannot probe " + c.target()
                    + ": neither curl nor nc is installed on the node", evidence, "install curl or netcat");
        };
    }
}
