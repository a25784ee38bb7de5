package dev.nodefix.diagnose;

import dev.nodefix.fact.FlannelPostrtg;
import dev.nodefix.fact.IptablesBackends;
import dev.nodefix.fact.KubePostrouting;
import dev.nodefix.fact.NodeFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a VXLAN packet can be masqueraded twice with {@code --random-fully}: kube-proxy's unfixed
 * KUBE-POSTROUTING, or flannel v0.20.0-v0.20.1's unguarded FLANNEL-POSTRTG jumped to first. The facts read every
 * nat view the node gave (both iptables table sets are live; the worst reading counts), so the path is judged on
 * the merged reading. An {@link Kind#UNKNOWN} path names the command that would settle it ({@link #settle()}),
 * also as the last evidence line.
 *
 * @param reason   why, in words
 * @param evidence the rule lines it rests on
 * @param settle   for an unknown path: the command whose output would settle it, run on the node as root
 */
record NatPath(Kind kind, String reason, List<String> evidence, Optional<String> settle) {
    enum Kind { DOUBLE_NAT, SAFE, UNKNOWN }

    static final String SAVE = "iptables-save -t nat";

    NatPath {
        evidence = List.copyOf(evidence);
        java.util.Objects.requireNonNull(settle, "settle");
    }

    private static NatPath known(Kind kind, String reason, List<String> evidence) {
        return new NatPath(kind, reason, evidence, Optional.empty());
    }

    /** An unknown path; the views' own open question (a table set unread, a blind iptables) settles first. */
    private static NatPath unknown(NodeFacts f, String reason, List<String> evidence, String fallback) {
        return unknown(f.iptablesBackends().settle().orElse(fallback), f, reason, evidence);
    }

    private static NatPath unknown(String command, NodeFacts f, String reason, List<String> evidence) {
        List<String> lines = new ArrayList<>(evidence);
        lines.add("would settle it: `" + command + "`");
        return new NatPath(Kind.UNKNOWN, reason + open(f), lines, Optional.of(command));
    }

    static NatPath of(NodeFacts f) {
        KubePostrouting kube = f.kubePostrouting();
        List<String> evidence = new ArrayList<>(kube.rules());
        evidence.addAll(BackendNote.views(f));
        if (flannelFirstUnguarded(f)) {
            evidence.addAll(f.flannelPostrtg().rules());
            evidence.add("POSTROUTING jumps: " + String.join(", ", f.postrouting().jumps()));
            return known(Kind.DOUBLE_NAT, "FLANNEL-POSTRTG (no 0x4000 mark guard, --random-fully) runs before"
                    + " KUBE-POSTROUTING: flannel v0.20.0-v0.20.1 double NAT" + BackendNote.flannel(f), evidence);
        }
        if (flannelFirstUnguarded(f, Optional.empty())) {
            evidence.addAll(f.flannelPostrtg().rules());
            return unknown(f, "FLANNEL-POSTRTG (no 0x4000 mark guard) runs before KUBE-POSTROUTING and"
                    + " the listing cannot tell whether it masquerades with --random-fully", evidence, SAVE);
        }
        if (f.flannelPostrtg().guard() == FlannelPostrtg.Guard.UNREADABLE && f.postrouting().flannelFirst().orElse(false)) {
            evidence.add("POSTROUTING jumps: " + String.join(", ", f.postrouting().jumps()));
            return unknown(f, "FLANNEL-POSTRTG runs before KUBE-POSTROUTING but could not be read", evidence, SAVE);
        }
        return switch (kube.form()) {
            case UNFIXED -> unfixed(f, kube, evidence);
            case FIXED -> known(Kind.SAFE, "KUBE-POSTROUTING clears mark 0x4000 before masquerading"
                    + " (kube-proxy fix, PR 92035)" + BackendNote.kube(f) + flannelNote(f), evidence);
            case ABSENT -> known(Kind.SAFE, "no KUBE-POSTROUTING chain: no kube-proxy masquerade" + flannelNote(f),
                    evidence);
            case UNKNOWN -> unknown(f, f.iptablesBackends().legacyUnread() || f.iptablesBackends().nftUnread()
                    ? "KUBE-POSTROUTING is not known in both iptables table sets" : "KUBE-POSTROUTING could not be read",
                    evidence, SAVE);
        };
    }

    private static NatPath unfixed(NodeFacts f, KubePostrouting kube, List<String> evidence) {
        String where = BackendNote.kube(f);
        return kube.randomFully().map(fully -> fully
                ? known(Kind.DOUBLE_NAT, "KUBE-POSTROUTING masquerades on mark 0x4000 without clearing it,"
                        + " with --random-fully (kube-proxy before PR 92035)" + where, evidence)
                : known(Kind.SAFE, "KUBE-POSTROUTING is unfixed but masquerades without --random-fully" + where,
                        evidence))
                .orElseGet(() -> unknown(randomFullySettle(f), f, "KUBE-POSTROUTING is unfixed (masquerades on mark"
                        + " 0x4000 without clearing it)" + where + " and no listing can tell whether it uses"
                        + " --random-fully", evidence));
    }

    /** A listing by an iptables able to print --random-fully settles it first; then an unread table set. */
    private static String randomFullySettle(NodeFacts f) {
        IptablesBackends b = f.iptablesBackends();
        return b.blindOnly() ? IptablesBackends.settleOf(false, false, true).orElseThrow()
                : b.settle().orElse(SAVE + " with iptables >= 1.6.2 (e.g. in the kube-proxy container)");
    }

    /** Why the views leave it open, in words, when they do. */
    private static String open(NodeFacts f) {
        IptablesBackends b = f.iptablesBackends();
        if (b.legacyUnread()) {
            return "; iptables warned that iptables-legacy tables are present, and they were not read";
        }
        if (b.nftUnread()) {
            return "; the host's iptables is legacy and cannot show nf_tables rules, which were not read";
        }
        return b.blindOnly() ? "; the tables were listed only by an iptables older than 1.6.2, which cannot print"
                + " --random-fully" : "";
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
