package dev.nodefix.diagnose;

import dev.nodefix.fact.FlannelPostrtg;
import dev.nodefix.fact.KubePostrouting;
import dev.nodefix.fact.NodeFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a VXLAN packet can be masqueraded twice with {@code --random-fully} (DOMAIN.md §0, §2, §3): kube-proxy's
 * unfixed KUBE-POSTROUTING, or flannel v0.20.0-v0.20.1's unguarded FLANNEL-POSTRTG jumped to first.
 *
 * @param reason   why, in words
 * @param evidence the rule lines it rests on
 */
record NatPath(Kind kind, String reason, List<String> evidence) {
    enum Kind { DOUBLE_NAT, SAFE, UNKNOWN }

    NatPath {
        evidence = List.copyOf(evidence);
    }

    static NatPath of(NodeFacts f) {
        KubePostrouting kube = f.kubePostrouting();
        List<String> evidence = new ArrayList<>(kube.rules());
        if (flannelFirstUnguarded(f)) {
            evidence.addAll(f.flannelPostrtg().rules());
            evidence.add("POSTROUTING jumps: " + String.join(", ", f.postrouting().jumps()));
            return new NatPath(Kind.DOUBLE_NAT, "FLANNEL-POSTRTG (no 0x4000 mark guard, --random-fully) runs before"
                    + " KUBE-POSTROUTING: flannel v0.20.0-v0.20.1 double NAT", evidence);
        }
        if (flannelFirstUnguarded(f, Optional.empty())) {
            evidence.addAll(f.flannelPostrtg().rules());
            return new NatPath(Kind.UNKNOWN, "FLANNEL-POSTRTG (no 0x4000 mark guard) runs before KUBE-POSTROUTING and"
                    + " the listing cannot tell whether it masquerades with --random-fully", evidence);
        }
        if (f.flannelPostrtg().guard() == FlannelPostrtg.Guard.UNREADABLE && f.postrouting().flannelFirst().orElse(false)) {
            evidence.add("POSTROUTING jumps: " + String.join(", ", f.postrouting().jumps()));
            return new NatPath(Kind.UNKNOWN, "FLANNEL-POSTRTG runs before KUBE-POSTROUTING but could not be read"
                    + " (iptables-nft: use iptables-legacy or nft to list it)", evidence);
        }
        return switch (kube.form()) {
            case UNFIXED -> unfixed(kube, evidence);
            case FIXED -> new NatPath(Kind.SAFE, "KUBE-POSTROUTING clears mark 0x4000 before masquerading"
                    + " (kube-proxy fix, PR 92035)" + flannelNote(f), evidence);
            case ABSENT -> new NatPath(Kind.SAFE, "no KUBE-POSTROUTING chain: no kube-proxy masquerade" + flannelNote(f),
                    evidence);
            case UNKNOWN -> new NatPath(Kind.UNKNOWN, "KUBE-POSTROUTING could not be read", evidence);
        };
    }

    private static NatPath unfixed(KubePostrouting kube, List<String> evidence) {
        return kube.randomFully().map(fully -> fully
                ? new NatPath(Kind.DOUBLE_NAT, "KUBE-POSTROUTING masquerades on mark 0x4000 without clearing it,"
                        + " with --random-fully (kube-proxy before PR 92035)", evidence)
                : new NatPath(Kind.SAFE, "KUBE-POSTROUTING is unfixed but masquerades without --random-fully",
                        evidence))
                .orElseGet(() -> new NatPath(Kind.UNKNOWN, "KUBE-POSTROUTING is unfixed (masquerades on mark 0x4000"
                        + " without clearing it) and the listing cannot tell whether it uses --random-fully (iptables"
                        + " older than 1.6.2 does not print it; read it with `iptables-save -t nat` of iptables >= 1.6.2"
                        + " or `nft list table ip nat`)", evidence));
    }

    private static boolean flannelFirstUnguarded(NodeFacts f) {
        return flannelFirstUnguarded(f, Optional.of(true));
    }

    private static boolean flannelFirstUnguarded(NodeFacts f, Optional<Boolean> randomFully) {
        FlannelPostrtg flannel = f.flannelPostrtg();
        return flannel.guard() == FlannelPostrtg.Guard.MISSING && flannel.randomFully().equals(randomFully)
                && f.postrouting().flannelFirst().orElse(false);
    }

    private static String flannelNote(NodeFacts f) {
        return switch (f.flannelPostrtg().guard()) {
            case PRESENT -> "; FLANNEL-POSTRTG returns on mark 0x4000 (flannel >= v0.20.2)";
            case NO_CHAIN -> "; no FLANNEL-POSTRTG chain";
            case MISSING, UNREADABLE -> f.postrouting().jumps().contains("FLANNEL-POSTRTG") ? ""
                    : "; POSTROUTING does not jump to FLANNEL-POSTRTG";
        };
    }
}
