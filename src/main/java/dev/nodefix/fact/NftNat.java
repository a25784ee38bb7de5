package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The NAT path as nftables shows it: flannel's nftables mode ({@code table ip flannel-ipv4}, chain {@code postrtg};
 * {@code "EnableNFTables": true} in net-conf.json, no FLANNEL-POSTRTG iptables chain at all), kube-proxy's nftables
 * mode ({@code table ip kube-proxy}: {@code nat-postrouting} jumping to {@code masquerading}), and iptables-nft's own
 * KUBE-POSTROUTING and FLANNEL-POSTRTG as nft renders them (iptables rules, not an nftables mode).
 *
 * The packet-filter modes are decided here once, for every rule: what was configured (net-conf.json, k3s's
 * proxy-mode) gives way to what the k3s journal shows ran ({@code Starting flannel in nftables mode},
 * {@code Using nftables Proxier}), and both give way to what a listed nftables ruleset shows (its table there or,
 * in a whole ruleset, not there).
 *
 * @param flannelNftMode flannel's nftables mode as the journal shows it ran, else net-conf.json's
 *                       {@code EnableNFTables}; empty when neither tells
 * @param kubeProxyMode  kube-proxy's mode as the journal shows it ran ({@code Using X Proxier}), else k3s's
 *                       {@code proxy-mode}; empty when neither tells
 * @param flannelPriority   the priority of flannel's {@code postrtg} base chain ({@code srcnat} is 100)
 * @param kubeProxyPriority the priority of kube-proxy's {@code nat-postrouting} base chain
 * @param preferBundledBin  k3s's {@code prefer-bundled-bin}: its own iptables and nft write the rules
 * @param flannelModeFrom   where {@code flannelNftMode} was read
 * @param kubeProxyModeFrom where {@code kubeProxyMode} was read
 */
public record NftNat(NftListing.Coverage coverage, Optional<Boolean> flannelNftMode, Optional<String> kubeProxyMode,
                     NftMasquerade flannel, NftMasquerade kubeProxy, NftMasquerade iptablesKubePostrouting,
                     NftMasquerade iptablesFlannelPostrtg, Optional<Integer> flannelPriority,
                     Optional<Integer> kubeProxyPriority, List<String> problems, Optional<Boolean> preferBundledBin,
                     ModeFrom flannelModeFrom, ModeFrom kubeProxyModeFrom) {
    /** Where a packet-filter mode was read: the k3s journal (what ran), the configuration, or nowhere. */
    public enum ModeFrom { JOURNAL, CONFIG, NONE }

    public static final String FLANNEL_TABLE = "flannel-ipv4";
    public static final String KUBE_PROXY_TABLE = "kube-proxy";

    public NftNat {
        problems = List.copyOf(problems);
    }

    public static NftNat from(CollectorOutput out) {
        K3sNetfilterArgs args = K3sNetfilterArgs.from(out);
        return of(NftListing.FACT.from(out), NetConf.FACT.from(out).enableNFTables(), args, K3sJournal.FACT.from(out));
    }

    /** @param journal what the k3s journal shows ran: its modes outweigh the configured ones */
    public static NftNat of(NftListing listing, Optional<Boolean> configuredFlannelNft, K3sNetfilterArgs args,
            K3sJournal journal) {
        boolean flannelRan = journal.flannelNftables() != Observed.CANNOT_TELL;
        Optional<Boolean> flannelNftMode = flannelRan ? Optional.of(journal.flannelNftables() == Observed.YES)
                : configuredFlannelNft;
        Optional<String> kubeProxyMode = journal.kubeProxyMode().or(args::proxyMode);
        ModeFrom flannelFrom = flannelRan ? ModeFrom.JOURNAL : from(configuredFlannelNft);
        ModeFrom kubeFrom = journal.kubeProxyMode().isPresent() ? ModeFrom.JOURNAL : from(args.proxyMode());
        Optional<NftTable> flannel = listing.table("ip", FLANNEL_TABLE);
        Optional<NftTable> kube = listing.table("ip", KUBE_PROXY_TABLE);
        return new NftNat(listing.coverage(), flannelNftMode, kubeProxyMode,
                chain(listing, "ip", FLANNEL_TABLE, "postrtg"), kubeProxy(listing),
                iptablesChain(listing, "KUBE-POSTROUTING"), iptablesChain(listing, "FLANNEL-POSTRTG"),
                flannel.flatMap(t -> t.chain("postrtg")).flatMap(NftChain::priority),
                kube.flatMap(t -> t.chain("nat-postrouting")).flatMap(NftChain::priority), listing.problems(),
                args.preferBundledBin(), flannelFrom, kubeFrom);
    }

    private static ModeFrom from(Optional<?> configured) {
        return configured.isPresent() ? ModeFrom.CONFIG : ModeFrom.NONE;
    }

    /** Why kube-proxy is taken to run in nftables mode, for a message: its listed table, the journal or k3s's flag. */
    public String kubeProxyModeReason() {
        return kubeProxy.chain() == Observed.YES ? "its table is listed" : kubeProxyModeFrom == ModeFrom.JOURNAL
                ? "the k3s journal: Using " + kubeProxyMode.orElse("?") + " Proxier"
                : "k3s kube-proxy-arg proxy-mode=" + kubeProxyMode.orElse("?");
    }

    /** Why flannel is taken to run in nftables mode, for a message: its listed table, the journal or net-conf.json. */
    public String flannelModeReason() {
        return flannel.chain() == Observed.YES ? "its table is listed" : flannelModeFrom == ModeFrom.JOURNAL
                ? "the k3s journal: Starting flannel in nftables mode" : "EnableNFTables";
    }

    /**
     * flannel runs in nftables mode: its table is listed; or the journal shows it started so (else net-conf.json
     * asks for it) and nft was not read. A whole ruleset without its table says no, whatever the journal or
     * net-conf.json say (flannel does not run so now).
     */
    public Observed flannelInNftables() {
        return mode(flannel, flannelNftMode);
    }

    /**
     * kube-proxy runs in nftables mode: as {@link #flannelInNftables()}, from its table, else the journal's
     * {@code Using nftables Proxier}, else k3s's proxy-mode.
     */
    public Observed kubeProxyInNftables() {
        return mode(kubeProxy, kubeProxyMode.map("nftables"::equals));
    }

    private static Observed mode(NftMasquerade table, Optional<Boolean> configured) {
        if (table.chain() != Observed.CANNOT_TELL) {
            return table.chain();
        }
        if (configured.isEmpty()) {
            return Observed.CANNOT_TELL;
        }
        return configured.get() ? Observed.YES : Observed.NO;
    }

    /** One line for {@code --explain}: what each chain read shows. */
    public String summary() {
        return "listing " + name(coverage) + "; flannel table: " + brief(flannel) + "; kube-proxy table: "
                + brief(kubeProxy) + "; iptables-nft KUBE-POSTROUTING: " + brief(iptablesKubePostrouting);
    }

    private static String brief(NftMasquerade m) {
        String text = name(m.chain());
        if (m.chain() == Observed.YES) {
            text += ", " + name(m.handling()) + m.fullyRandom().map(f -> f ? ", fully-random" : ", not fully-random")
                    .orElse("");
        }
        return text;
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static NftMasquerade chain(NftListing listing, String family, String table, String name) {
        Optional<NftTable> t = listing.table(family, table);
        if (t.isEmpty()) {
            return NftMasquerade.notRead(listing.has(family, table));
        }
        return t.get().chain(name).map(c -> NftMasquerade.of(c.rules(), t.get().complete()))
                .orElseGet(() -> NftMasquerade.notRead(t.get().complete() ? Observed.NO : Observed.CANNOT_TELL));
    }

    /** kube-proxy's nat-postrouting with the chains it jumps to read in place (masquerading). */
    private static NftMasquerade kubeProxy(NftListing listing) {
        Optional<NftTable> t = listing.table("ip", KUBE_PROXY_TABLE);
        if (t.isEmpty()) {
            return NftMasquerade.notRead(listing.has("ip", KUBE_PROXY_TABLE));
        }
        Optional<NftChain> post = t.get().chain("nat-postrouting");
        if (post.isEmpty()) {
            return NftMasquerade.notRead(t.get().complete() ? Observed.NO : Observed.CANNOT_TELL);
        }
        List<String> rules = new ArrayList<>();
        for (String rule : post.get().rules()) {
            Optional<NftChain> target = rule.matches("(?:.*\\s)?(?:jump|goto) \\S+") ? t.get().chain(
                    rule.replaceAll(".*(?:jump|goto) ", "")) : Optional.empty();
            target.ifPresentOrElse(c -> rules.addAll(c.rules()), () -> rules.add(rule));
        }
        return NftMasquerade.of(rules, t.get().complete());
    }

    /** An iptables-nft chain in the nat table nft shows (or in a fragment that names no table). */
    private static NftMasquerade iptablesChain(NftListing listing, String name) {
        return listing.tables().stream().filter(t -> t.name().equals("nat") && t.family().equals("ip")
                        || t.name().equals("?")).flatMap(t -> t.chain(name).stream()
                        .map(c -> NftMasquerade.of(c.rules(), t.complete()))).findFirst()
                .orElseGet(() -> NftMasquerade.notRead(listing.table("ip", "nat").filter(NftTable::complete)
                        .map(t -> Observed.NO).orElse(listing.has("ip", "nat") == Observed.NO ? Observed.NO
                                : Observed.CANNOT_TELL)));
    }
}
