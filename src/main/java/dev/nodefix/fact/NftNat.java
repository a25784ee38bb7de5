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
 * @param flannelNftMode net-conf.json's {@code EnableNFTables}; empty when net-conf.json could not be read
 * @param kubeProxyMode  k3s's {@code proxy-mode} for kube-proxy; empty when nothing sets it
 * @param flannelPriority   the priority of flannel's {@code postrtg} base chain ({@code srcnat} is 100)
 * @param kubeProxyPriority the priority of kube-proxy's {@code nat-postrouting} base chain
 * @param preferBundledBin  k3s's {@code prefer-bundled-bin}: its own iptables and nft write the rules
 */
public record NftNat(NftListing.Coverage coverage, Optional<Boolean> flannelNftMode, Optional<String> kubeProxyMode,
                     NftMasquerade flannel, NftMasquerade kubeProxy, NftMasquerade iptablesKubePostrouting,
                     NftMasquerade iptablesFlannelPostrtg, Optional<Integer> flannelPriority,
                     Optional<Integer> kubeProxyPriority, List<String> problems, Optional<Boolean> preferBundledBin) {
    public static final String FLANNEL_TABLE = "flannel-ipv4";
    public static final String KUBE_PROXY_TABLE = "kube-proxy";

    public NftNat {
        problems = List.copyOf(problems);
    }

    public static NftNat from(CollectorOutput out) {
        K3sNetfilterArgs args = K3sNetfilterArgs.from(out);
        return of(NftListing.FACT.from(out), NetConf.FACT.from(out).enableNFTables(), args);
    }

    public static NftNat of(NftListing listing, Optional<Boolean> flannelNftMode, K3sNetfilterArgs args) {
        Optional<String> kubeProxyMode = args.proxyMode();
        Optional<NftTable> flannel = listing.table("ip", FLANNEL_TABLE);
        Optional<NftTable> kube = listing.table("ip", KUBE_PROXY_TABLE);
        return new NftNat(listing.coverage(), flannelNftMode, kubeProxyMode,
                chain(listing, "ip", FLANNEL_TABLE, "postrtg"), kubeProxy(listing),
                iptablesChain(listing, "KUBE-POSTROUTING"), iptablesChain(listing, "FLANNEL-POSTRTG"),
                flannel.flatMap(t -> t.chain("postrtg")).flatMap(NftChain::priority),
                kube.flatMap(t -> t.chain("nat-postrouting")).flatMap(NftChain::priority), listing.problems(),
                args.preferBundledBin());
    }

    /**
     * flannel runs in nftables mode: its table is listed; or net-conf.json asks for it and nft was not read. A whole
     * ruleset without its table says no, whatever net-conf.json asks (flannel has not applied it).
     */
    public Observed flannelInNftables() {
        return mode(flannel, flannelNftMode);
    }

    /** kube-proxy runs in nftables mode: as {@link #flannelInNftables()}, from its table and k3s's proxy-mode. */
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
