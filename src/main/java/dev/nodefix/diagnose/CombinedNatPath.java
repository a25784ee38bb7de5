package dev.nodefix.diagnose;

import dev.nodefix.fact.FlannelPostrtg;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The iptables reading of the NAT path ({@link NatPath}) completed by the nftables one ({@link NftPath}) and bounded
 * by the trust in the listing's mark matches ({@link MarkRendering}): the one entry point the verdict rules need
 * where rules may live in nftables. Worst wins: a double NAT either reading shows stands; "cannot tell" from
 * nftables stands; safe needs both (or nft's reading of KUBE-POSTROUTING settling the one question the listing left
 * open, when flannel's chain cannot masquerade first). Where nftables is not involved and the listing is trusted it is the iptables
 * reading unchanged.
 */
final class CombinedNatPath {
    /** nft's own rendering of iptables-nft's nat table: no iptables binary's translation of the mark matches. */
    private static final String NATIVE_LISTING = "nft list table ip nat";

    private CombinedNatPath() {}

    /** {@code iptables} ({@code NatPath.of(f)}) with what nftables and the mark rendering add. */
    static NatPath of(NodeFacts f, NatPath iptables) {
        NftPath nft = NftPath.of(f);
        boolean nftSafeIptablesOpen = nft.kind() == NftPath.Kind.SAFE && iptables.kind() == NatPath.Kind.UNKNOWN;
        if (nft.kind() == NftPath.Kind.NOT_NFTABLES || iptables.kind() == NatPath.Kind.DOUBLE_NAT
                || nftSafeIptablesOpen && (inNftablesMode(f) || !flannelSettled(f))) {
            return untrusted(f, iptables);
        }
        List<String> evidence = new ArrayList<>(iptables.evidence());
        evidence.addAll(nft.evidence());
        if (nft.kind() == NftPath.Kind.SAFE && iptables.kind() == NatPath.Kind.SAFE) {
            return untrusted(f, new NatPath(NatPath.Kind.SAFE, iptables.reason() + "; nftables: " + nft.reason(),
                    evidence, Optional.empty()));
        }
        NatPath.Kind kind = kind(nft.kind());
        Optional<String> settle = kind == NatPath.Kind.UNKNOWN ? nft.settle().or(iptables::settle) : Optional.empty();
        return new NatPath(kind, "nftables: " + nft.reason(), evidence, settle);
    }

    /** {@code read} made "cannot tell" when it rests on mark matches the listing may print wrongly. */
    private static NatPath untrusted(NodeFacts f, NatPath read) {
        MarkRendering rendering = MarkRendering.of(f);
        if (rendering.trusted() || read.kind() == NatPath.Kind.UNKNOWN) {
            return read;
        }
        List<String> evidence = new ArrayList<>(read.evidence());
        evidence.add("mark rendering: " + rendering.reason());
        evidence.add("would settle it: `" + NATIVE_LISTING + "`");
        return new NatPath(NatPath.Kind.UNKNOWN, read.reason() + ", but " + rendering.reason(), evidence,
                Optional.of(NATIVE_LISTING));
    }

    /**
     * flannel's FLANNEL-POSTRTG cannot masquerade first: it is guarded, absent, or POSTROUTING is shown whole with
     * KUBE-POSTROUTING before it. Outside nftables mode nft only reads KUBE-POSTROUTING (iptables-nft's copy): an
     * iptables path left open by flannel's chain stays open whatever nft says of kube-proxy's.
     */
    private static boolean flannelSettled(NodeFacts f) {
        FlannelPostrtg.Guard guard = f.flannelPostrtg().guard();
        return guard == FlannelPostrtg.Guard.PRESENT || guard == FlannelPostrtg.Guard.NO_CHAIN
                || f.postrouting().listed() && (!f.postrouting().jumps().contains("FLANNEL-POSTRTG")
                        || !f.postrouting().flannelFirst().orElse(true));
    }

    /** kube-proxy or flannel masquerades in nftables: its own table was read. */
    private static boolean inNftablesMode(NodeFacts f) {
        return f.nft().kubeProxy().chain() == Observed.YES || f.nft().flannel().chain() == Observed.YES;
    }

    private static NatPath.Kind kind(NftPath.Kind kind) {
        return switch (kind) {
            case DOUBLE_NAT -> NatPath.Kind.DOUBLE_NAT;
            case SAFE -> NatPath.Kind.SAFE;
            case UNKNOWN, NOT_NFTABLES -> NatPath.Kind.UNKNOWN;
        };
    }
}
