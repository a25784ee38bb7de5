package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.List;
import java.util.Optional;

/** Evidence lines quoted from the facts, each saying which command's output, in which view, it comes from. */
final class Evidence {
    private Evidence() {}

    /** The legs' lines, in order, each with its provenance. */
    static List<String> of(Leg... legs) {
        return List.of(legs).stream().flatMap(l -> l.evidence().stream()).toList();
    }

    static String kernel(NodeFacts f) {
        return "kernel " + f.kernel().release().orElse("unknown") + " (not decisive on its own)";
    }

    static Optional<String> csumErrors(NodeFacts f) {
        return f.udp().inCsumErrors().map(n -> "/proc/net/snmp Udp InCsumErrors: " + n);
    }
}
