package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.List;

/** Says when the listing's mark matches may be printed wrongly ({@link MarkRendering}), instead of trusting them. */
public final class MarkRenderingRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        MarkRendering rendering = MarkRendering.of(f);
        if (rendering.trusted()) {
            return List.of();
        }
        return List.of(Finding.of(Code.MARK_RENDERING_SKEW, Severity.WARNING, "iptables version skew: "
                + rendering.reason(), List.of("host iptables: " + f.iptables().version().orElse("unknown") + " ("
                + f.iptables().mode().name().toLowerCase(java.util.Locale.ROOT) + ")", "k3s bundled iptables: "
                + f.k3sIptables().version().orElse("unknown")), "read the rules with the iptables k3s writes them"
                + " with, or with nft"));
    }
}
