package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.Optional;

/** The overlay questions every verdict rule asks: is it VXLAN, is the checksum offload on. */
final class Overlay {
    private Overlay() {}

    static boolean vxlan(NodeFacts f) {
        return f.backend().effective().map("vxlan"::equals).orElse(f.vxlan().exists());
    }

    /** {@code tx-checksum-ip-generic} on flannel.1, empty when flannel.1 or ethtool is missing. */
    static Optional<Boolean> offloadOn(NodeFacts f) {
        return f.offload().txChecksumIpGeneric().map(t -> t.on());
    }
}
