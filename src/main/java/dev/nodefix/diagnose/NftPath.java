package dev.nodefix.diagnose;

import dev.nodefix.fact.FlannelPostrtg;
import dev.nodefix.fact.IptablesVersion;
import dev.nodefix.fact.KubePostrouting;
import dev.nodefix.fact.NftListing;
import dev.nodefix.fact.NftMasquerade;
import dev.nodefix.fact.NftNat;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a VXLAN packet can be masqueraded twice when the rules are in nftables: kube-proxy's nftables mode (its
 * {@code masquerading} chain must clear mark 0x4000 before {@code masquerade fully-random}), flannel's nftables mode
 * (its {@code postrtg} must return marked packets before masquerading), or iptables-nft's KUBE-POSTROUTING as nft
 * shows it (with {@code fully-random} even where the host's iptables cannot print {@code --random-fully}). The same
 * question {@link NatPath} asks of iptables; {@link Kind#NOT_NFTABLES} leaves the answer to it.
 *
 * @param settle the command that would settle an {@link Kind#UNKNOWN}
 */
public record NftPath(Kind kind, String reason, List<String> evidence, Optional<String> settle) {
    public enum Kind { DOUBLE_NAT, SAFE, UNKNOWN, NOT_NFTABLES }

    static final String LIST_KUBE_PROXY = "nft list table ip kube-proxy";
    static final String LIST_FLANNEL = "nft list table ip flannel-ipv4";

    public NftPath {
        evidence = List.copyOf(evidence);
    }

    /** The nftables reading of {@code f}'s NAT path. */
    public static NftPath of(NodeFacts f) {
        NftNat n = f.nft();
        boolean kubeNft = n.kubeProxyInNftables() == Observed.YES;
        boolean flannelNft = n.flannelInNftables() == Observed.YES;
        if (!kubeNft && !flannelNft) {
            return iptablesSeenByNft(f, n);
        }
        List<NftPath> legs = List.of(kubeNft ? kubeLeg(n) : iptablesKubeLeg(f, n), flannelNft ? flannelLeg(n)
                : iptablesFlannelLeg(f, kubeNft));
        return combine(legs);
    }

    private static NftPath kubeLeg(NftNat n) {
        NftMasquerade kp = n.kubeProxy();
        List<String> ev = evidence("nft table ip kube-proxy", kp.rules());
        if (kp.chain() != Observed.YES) {
            return unread("kube-proxy runs in nftables mode (" + n.kubeProxyModeReason() + ") but " + why(n, "its table"), ev,
                    LIST_KUBE_PROXY);
        }
        return switch (kp.handling()) {
            case CLEARS_MARK -> safe("kube-proxy's nftables masquerading clears mark 0x4000 before masquerading", ev);
            case NO_MASQUERADE -> safe("kube-proxy's nftables postrouting masquerades nothing", ev);
            case MASQUERADES_MARKED -> kp.fullyRandom().map(fully -> fully
                    ? new NftPath(Kind.DOUBLE_NAT, "kube-proxy's nftables postrouting masquerades on mark 0x4000"
                            + " without clearing it, fully-random", ev, Optional.empty())
                    : safe("kube-proxy's nftables postrouting masquerades without fully-random", ev))
                    .orElseGet(() -> unread("kube-proxy's nftables postrouting keeps mark 0x4000", ev, LIST_KUBE_PROXY));
            case UNGUARDED, RETURNS_MARKED, UNKNOWN -> unread("kube-proxy's nftables postrouting does not read as"
                    + " kube-proxy writes it", ev, LIST_KUBE_PROXY);
        };
    }

    private static NftPath flannelLeg(NftNat n) {
        NftMasquerade fl = n.flannel();
        List<String> ev = evidence("nft table ip flannel-ipv4", fl.rules());
        if (fl.chain() != Observed.YES) {
            return unread("flannel runs in nftables mode (" + n.flannelModeReason() + ") but " + why(n, "its table"), ev,
                    LIST_FLANNEL);
        }
        return switch (fl.handling()) {
            case RETURNS_MARKED, CLEARS_MARK -> safe("flannel's nftables postrtg returns packets marked 0x4000"
                    + " before masquerading (flannel >= v0.25)", ev);
            case NO_MASQUERADE -> safe("flannel's nftables postrtg masquerades nothing", ev);
            case UNGUARDED, MASQUERADES_MARKED -> unguardedFlannel(n, ev);
            case UNKNOWN -> unread("flannel's nftables postrtg was cut before its masquerade", ev, LIST_FLANNEL);
        };
    }

    /** An unguarded flannel masquerade double-NATs when it runs before kube-proxy's: nftables orders by priority. */
    private static NftPath unguardedFlannel(NftNat n, List<String> ev) {
        if (!n.flannel().fullyRandom().orElse(false)) {
            return n.flannel().fullyRandom().isPresent() ? safe("flannel's nftables postrtg masquerades without"
                    + " fully-random", ev) : unread("flannel's nftables postrtg masquerades unguarded", ev, LIST_FLANNEL);
        }
        Optional<Integer> kube = n.kubeProxy().chain() == Observed.YES ? n.kubeProxyPriority() : Optional.of(100);
        Optional<Integer> flannel = n.flannelPriority();
        if (flannel.isPresent() && kube.isPresent() && !flannel.get().equals(kube.get())) {
            return flannel.get() < kube.get() ? new NftPath(Kind.DOUBLE_NAT, "flannel's nftables postrtg (priority "
                    + flannel.get() + ") masquerades fully-random before kube-proxy (priority " + kube.get() + ") and"
                    + " leaves mark 0x4000 for the VXLAN packet's second masquerade", ev, Optional.empty())
                    : safe("kube-proxy's postrouting runs before flannel's unguarded postrtg", ev);
        }
        return unread("flannel's nftables postrtg masquerades fully-random without the 0x4000 guard at the same hook"
                + " as kube-proxy, in an order nftables does not print", ev, LIST_FLANNEL);
    }

    /** kube-proxy in iptables mode beside flannel's nftables mode: KUBE-POSTROUTING as the iptables listing read it. */
    private static NftPath iptablesKubeLeg(NodeFacts f, NftNat n) {
        KubePostrouting kube = f.kubePostrouting();
        List<String> ev = evidence("iptables KUBE-POSTROUTING", kube.rules());
        return switch (kube.form()) {
            case FIXED -> safe("KUBE-POSTROUTING clears mark 0x4000 before masquerading", ev);
            case ABSENT -> n.kubeProxyInNftables() == Observed.NO ? safe("no KUBE-POSTROUTING and no kube-proxy"
                    + " nftables table", ev) : unread("no KUBE-POSTROUTING in the iptables listing, and kube-proxy may run"
                    + " in nftables mode (" + why(n, "its table") + ")", ev, LIST_KUBE_PROXY);
            case UNFIXED -> kube.randomFully().map(fully -> fully ? new NftPath(Kind.DOUBLE_NAT, "KUBE-POSTROUTING"
                    + " masquerades on mark 0x4000 without clearing it, --random-fully", ev, Optional.empty())
                    : safe("KUBE-POSTROUTING masquerades without --random-fully", ev))
                    .orElseGet(() -> unread("KUBE-POSTROUTING is unfixed and its --random-fully cannot be read", ev,
                            "nft list table ip nat"));
            case UNKNOWN -> unread("KUBE-POSTROUTING could not be read", ev, "iptables-save -t nat");
        };
    }

    /** flannel in iptables mode beside kube-proxy's nftables mode: the two postrouting hooks run in an unprinted order. */
    private static NftPath iptablesFlannelLeg(NodeFacts f, boolean kubeNft) {
        FlannelPostrtg flannel = f.flannelPostrtg();
        List<String> ev = evidence("iptables FLANNEL-POSTRTG", flannel.rules());
        return switch (flannel.guard()) {
            case PRESENT -> safe("FLANNEL-POSTRTG returns on mark 0x4000 (flannel >= v0.20.2)", ev);
            case NO_CHAIN -> safe("no FLANNEL-POSTRTG chain", ev);
            case MISSING -> flannel.randomFully().orElse(true) && kubeNft ? unread("FLANNEL-POSTRTG masquerades"
                    + " without the 0x4000 guard, and nftables does not print whether iptables' nat postrouting runs"
                    + " before kube-proxy's nftables one", ev, "iptables-save -t nat; " + LIST_KUBE_PROXY)
                    : safe("FLANNEL-POSTRTG masquerades without --random-fully", ev);
            case UNREADABLE -> unread("FLANNEL-POSTRTG could not be read", ev, "iptables-save -t nat");
        };
    }

    /** Neither component in nftables mode: what nft's view of iptables-nft's rules, or its absence, adds. */
    private static NftPath iptablesSeenByNft(NodeFacts f, NftNat n) {
        KubePostrouting kube = f.kubePostrouting();
        NftMasquerade seen = n.iptablesKubePostrouting();
        List<String> ev = evidence("nft table ip nat KUBE-POSTROUTING", seen.rules());
        if (kube.form() == KubePostrouting.Form.UNFIXED && kube.randomFully().isEmpty()
                && seen.handling() == NftMasquerade.Handling.MASQUERADES_MARKED && seen.fullyRandom().isPresent()) {
            if (seen.fullyRandom().get()) {
                return new NftPath(Kind.DOUBLE_NAT, "KUBE-POSTROUTING masquerades on mark 0x4000 without clearing it;"
                        + " nft shows its fully-random, which the host's iptables cannot print", ev, Optional.empty());
            }
            // nft shows the nf_tables set: it proves the listing's rule safe only when the listing is of that set
            if (f.iptablesBackends().hostDefault() == IptablesVersion.Mode.NF_TABLES) {
                return safe("nft shows KUBE-POSTROUTING's masquerade without fully-random", ev);
            }
        }
        boolean unread = kube.form() == KubePostrouting.Form.ABSENT || kube.form() == KubePostrouting.Form.UNKNOWN;
        if (unread && seen.chain() == Observed.YES && seen.handling() != NftMasquerade.Handling.UNKNOWN) {
            return otherBackend(kube, seen, ev);
        }
        if (kube.form() == KubePostrouting.Form.ABSENT && n.kubeProxyInNftables() == Observed.CANNOT_TELL
                && n.coverage() != NftListing.Coverage.RULESET) {
            return unread("the iptables listing has no KUBE-POSTROUTING and nftables was not read: kube-proxy may run"
                    + " in nftables mode (" + why(n, "its table") + ")", ev, LIST_KUBE_PROXY);
        }
        return new NftPath(Kind.NOT_NFTABLES, "neither kube-proxy nor flannel runs in nftables mode", ev,
                Optional.empty());
    }

    /**
     * KUBE-POSTROUTING the iptables listing did not show, read where nft shows it (iptables-nft's tables): a double
     * NAT stands; safe only when the listing was whole (the chain lives in the nf_tables backend alone).
     */
    private static NftPath otherBackend(KubePostrouting kube, NftMasquerade seen, List<String> ev) {
        boolean fully = seen.fullyRandom().orElse(false);
        if (seen.handling() == NftMasquerade.Handling.MASQUERADES_MARKED && fully) {
            return new NftPath(Kind.DOUBLE_NAT, "KUBE-POSTROUTING, not in the iptables listing, is in iptables-nft's"
                    + " tables: it masquerades on mark 0x4000 without clearing it, fully-random", ev, Optional.empty());
        }
        boolean safe = seen.handling() == NftMasquerade.Handling.CLEARS_MARK
                || seen.handling() == NftMasquerade.Handling.MASQUERADES_MARKED
                || seen.handling() == NftMasquerade.Handling.NO_MASQUERADE;
        if (safe && kube.form() == KubePostrouting.Form.ABSENT) {
            return safe("KUBE-POSTROUTING, not in the iptables listing, is in iptables-nft's tables and "
                    + (seen.handling() == NftMasquerade.Handling.CLEARS_MARK ? "clears mark 0x4000 before masquerading"
                    : "does not masquerade fully-random on the mark"), ev);
        }
        return unread("KUBE-POSTROUTING in iptables-nft's tables reads " + seen.handling().name().toLowerCase(
                java.util.Locale.ROOT) + " and the iptables listing could not show the other backend", ev,
                "iptables-legacy-save -t nat");
    }

    /** Worst wins; its reason names every leg that is not safe, double NAT first. */
    private static NftPath combine(List<NftPath> legs) {
        List<String> ev = new ArrayList<>();
        legs.forEach(l -> ev.addAll(l.evidence()));
        for (Kind kind : List.of(Kind.DOUBLE_NAT, Kind.UNKNOWN)) {
            if (legs.stream().anyMatch(l -> l.kind() == kind)) {
                List<NftPath> worst = legs.stream().filter(l -> l.kind() != Kind.SAFE)
                        .sorted(java.util.Comparator.comparing(NftPath::kind)).toList();
                return new NftPath(kind, String.join("; ", worst.stream().map(NftPath::reason).toList()), ev,
                        worst.stream().flatMap(l -> l.settle().stream()).findFirst());
            }
        }
        return new NftPath(Kind.SAFE, String.join("; ", legs.stream().map(NftPath::reason).toList()), ev,
                Optional.empty());
    }

    private static NftPath safe(String reason, List<String> ev) {
        return new NftPath(Kind.SAFE, reason, ev, Optional.empty());
    }

    private static NftPath unread(String reason, List<String> ev, String settle) {
        return new NftPath(Kind.UNKNOWN, reason + "; settle it with `" + settle + "`", ev, Optional.of(settle));
    }

    private static List<String> evidence(String where, List<String> rules) {
        return rules.stream().map(r -> where + ": " + r).toList();
    }


    private static String why(NftNat n, String what) {
        return switch (n.coverage()) {
            case NOT_COLLECTED -> what + " was not collected";
            case NO_NFT -> "nft is not installed to list " + what;
            case UNREADABLE -> "nft could not list " + what + " (" + String.join("; ", n.problems()) + ")";
            case FRAGMENT -> "the listing is cut and does not show " + what + " whole";
            case TABLES, RULESET -> "the listing does not show " + what;
        };
    }
}
