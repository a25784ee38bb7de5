package dev.nodefix.diagnose;

import dev.nodefix.fact.ConnectTiming;
import dev.nodefix.fact.KernelChecksumLog;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import dev.nodefix.fact.TcpdumpChecksum;
import java.util.ArrayList;
import java.util.List;

/**
 * An observed symptom makes the node affected whatever its configuration says: the kernel dropping VXLAN packets
 * for a bad UDP checksum, or a capture of such packets arriving. Bad checksums on packets the capturing host
 * sends, or on a side the capture does not show, are named as look-alikes, never taken as proof.
 *
 * <p>A connection inside the cluster stalling about 63 s and then going through (a timed request, or a capture of
 * the SYN retransmitted at +1, +3, +7, +15, +31 s and answered at 63 s) is taken as the symptom too, on its own: the
 * kernel's SYN backoff reaching its 6th try is specific, it is what the dropped VXLAN packets look like until one
 * gets through (its outer source port changes), and the maintainers' cases show it with this bug. The finding says
 * it is the pattern, not a capture of checksums. Only where the node is shown not to carry pods over VXLAN (another
 * flannel backend) is the stall named as a look-alike instead: another cause must be looked for.
 */
public final class SymptomRule implements Rule {
    private static final int QUOTED = 5;

    /** Whether the node shows the bug itself (a kernel log line or a received bad checksum on the VXLAN port). */
    static boolean observed(NodeFacts f) {
        return f.kernelLog().badChecksum() == Observed.YES || f.tcpdump().symptom() == Observed.YES
                || f.connectTiming().stall63() == Observed.YES && !otherBackend(f);
    }

    @Override
    public List<Finding> check(NodeFacts f) {
        List<Finding> found = new ArrayList<>();
        KernelChecksumLog log = f.kernelLog();
        TcpdumpChecksum capture = f.tcpdump();
        if (log.badChecksum() == Observed.YES) {
            found.add(symptom(f, "the kernel dropped VXLAN packets from " + String.join(", ", log.senders())
                    + " with a bad UDP checksum on " + log.ports().describe(),
                    "kernel log" + log.source().map(s -> " (" + s + ")").orElse(""), log.lines()));
        }
        if (capture.symptom() == Observed.YES) {
            found.add(symptom(f, "tcpdump shows VXLAN packets arriving with a bad UDP checksum on "
                    + capture.ports().describe(), "tcpdump (received)", capture.received()));
        } else if (!capture.sent().isEmpty() || !capture.sideUnknown().isEmpty()) {
            found.add(lookalike(capture));
        }
        if (f.connectTiming().stall63() == Observed.YES) {
            found.add(stall(f, f.connectTiming()));
        }
        return found;
    }

    private static Finding stall(NodeFacts f, ConnectTiming t) {
        String what = "a connection to " + t.target().orElse("") + " stalled about 63 s, then went through ("
                + ("tcpdump".equals(t.via().orElse("")) ? "the same SYN retransmitted at +1, +3, +7, +15, +31 s"
                        : "a timed request") + "): the kernel's SYN backoff reaching its 6th try";
        String where = "tcpdump".equals(t.via().orElse("")) ? "tcpdump (SYN retransmits)" : "time";
        if (otherBackend(f)) {
            return Finding.of(Code.CHECKSUM_LOOKALIKE, Severity.INFO, what + ", but flannel's backend is "
                    + f.backend().effective().get() + ", not vxlan: not this bug's path, look for another cause",
                    quote(where, t.lines()), "find what drops the first SYNs on that path (a firewall, conntrack)");
        }
        return symptom(f, what + ", the pattern of VXLAN packets dropped for a bad UDP checksum until one gets"
                + " through (the pattern, not a capture of checksums)", where, t.lines());
    }

    /** The node is shown to carry pods over another flannel backend than VXLAN. */
    private static boolean otherBackend(NodeFacts f) {
        return f.backend().effective().filter(b -> !b.equals("vxlan")).isPresent();
    }

    private static Finding symptom(NodeFacts f, String what, String where, List<String> lines) {
        List<String> evidence = new ArrayList<>(quote(where, lines));
        if (f.uplink().driver().map("vmxnet3"::equals).orElse(false)) {
            evidence.add("look-alike: uplink " + f.uplink().device().orElse("") + " uses vmxnet3, whose own tunnel"
                    + " offload bug drops VXLAN packets the same way");
        }
        return Finding.of(Code.SYMPTOM_OBSERVED, Severity.CRITICAL, what + ": the delay is happening here,"
                + " whatever the configuration says", evidence, AffectedRule.FIX);
    }

    private static Finding lookalike(TcpdumpChecksum capture) {
        boolean sender = !capture.sent().isEmpty();
        List<String> lines = sender ? capture.sent() : capture.sideUnknown();
        String message = sender
                ? "tcpdump shows a bad UDP checksum only on VXLAN packets this host sends: normal with checksum"
                        + " offload (the NIC fills it in later), not proof of the bug"
                : "tcpdump shows a bad UDP checksum on VXLAN packets, but not whether this host sent or received"
                        + " them: on the sender it is normal with checksum offload, not proof of the bug";
        return Finding.of(Code.CHECKSUM_LOOKALIKE, Severity.INFO, message,
                quote(sender ? "tcpdump (sent)" : "tcpdump (side not shown)", lines),
                "capture on the receiving node: tcpdump -vv -ni any udp port " + capture.ports().ports().get(0));
    }

    private static List<String> quote(String where, List<String> lines) {
        List<String> quoted = new ArrayList<>();
        lines.stream().limit(QUOTED).forEach(l -> quoted.add(where + ": " + l));
        if (lines.size() > QUOTED) {
            quoted.add(where + ": ... " + (lines.size() - QUOTED) + " more");
        }
        return quoted;
    }
}
