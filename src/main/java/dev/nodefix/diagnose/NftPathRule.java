package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.List;

/**
 * What the nftables reading of the NAT path says ({@link NftPath}), on a node where kube-proxy or flannel runs in
 * nftables mode, or where nft shows what the iptables listing could not: double NAT, safe, or the command that
 * would settle it. It explains; the verdict rules decide.
 */
public final class NftPathRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        NftPath path = NftPath.of(f);
        return switch (path.kind()) {
            case NOT_NFTABLES -> List.of();
            case DOUBLE_NAT -> List.of(Finding.of(Code.NFT_NAT_PATH, Severity.CRITICAL, "nftables: " + path.reason(),
                    path.evidence(), AffectedRule.FIX));
            case SAFE -> List.of(Finding.of(Code.NFT_NAT_PATH, Severity.INFO, "nftables: " + path.reason(),
                    path.evidence(), null));
            case UNKNOWN -> List.of(Finding.of(Code.NFT_NAT_PATH, Severity.WARNING, "nftables: cannot tell: "
                    + path.reason(), path.evidence(), path.settle().map(s -> "run `" + s + "` as root on the node"
                    + " (or nodefix facts with --become)").orElse(null)));
        };
    }
}
