package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.List;

/** The receiver has counted UDP packets with a bad checksum: the symptom's trace (DOMAIN.md §6). */
public final class UdpCsumErrorsRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        long errors = f.udp().inCsumErrors().orElse(0L);
        if (errors == 0) {
            return List.of();
        }
        return List.of(Finding.of(Code.UDP_CSUM_ERRORS, Severity.WARNING,
                "this node has dropped " + errors + " UDP packets with a bad checksum since boot"
                        + " (VXLAN from a peer with the bug shows up here)",
                List.of("/proc/net/snmp Udp InCsumErrors: " + errors), null));
    }
}
