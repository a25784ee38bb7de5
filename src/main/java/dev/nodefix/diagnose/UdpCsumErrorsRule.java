package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import dev.nodefix.fact.UdpCsumRise;
import java.util.ArrayList;
import java.util.List;

/**
 * The receiver has counted UDP packets with a bad checksum: the symptom's trace, quoted as a warning. The counter
 * counts since boot, so its rise between two readings (pasted before/after, or since the last {@code diagnose} of the
 * node) says the drops are happening now. Neither is specific to VXLAN (any UDP with a bad checksum counts), so
 * neither makes a node affected alone: the verdict rules decide from the configuration and the VXLAN-specific
 * symptoms (kernel log on the VXLAN port, a received capture, the 63 s pattern).
 */
public final class UdpCsumErrorsRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        List<Finding> found = new ArrayList<>();
        long errors = f.udp().inCsumErrors().orElse(0L);
        UdpCsumRise rise = f.udpRise();
        if (rise.rose() == Observed.YES) {
            found.add(rose(rise, errors));
        } else if (errors != 0) {
            found.add(Finding.of(Code.UDP_CSUM_ERRORS, Severity.WARNING,
                    "this node has dropped " + errors + " UDP packets with a bad checksum since boot"
                            + " (VXLAN from a peer with the bug shows up here)" + (rise.rose() == Observed.NO
                            ? "; none " + rise.basis() + rise.over().map(o -> " (" + o + ")").orElse("") : ""),
                    evidence(errors, rise), null));
        }
        return found;
    }

    private static Finding rose(UdpCsumRise rise, long errors) {
        String message = "Udp InCsumErrors rose by " + rise.by() + rise.over().map(o -> " in " + o).orElse("")
                + " (" + rise.basis() + "): this node is dropping UDP packets with a bad checksum now; not specific"
                + " to VXLAN (VXLAN from a peer with the bug is one cause)";
        return Finding.of(Code.UDP_CSUM_ERRORS, Severity.WARNING, message, evidence(errors, rise),
                "see which packets: dmesg | grep 'bad checksum' (with net debug messages on), or tcpdump -vv -ni any"
                        + " udp port 8472 on this node");
    }

    private static List<String> evidence(long errors, UdpCsumRise rise) {
        List<String> evidence = new ArrayList<>();
        if (errors != 0) {
            evidence.add("/proc/net/snmp Udp InCsumErrors: " + errors);
        }
        rise.lines().forEach(l -> evidence.add(l + " (" + rise.basis() + ")"));
        return evidence;
    }
}
