package dev.nodefix.fact;

import java.util.List;
import java.util.Optional;

/**
 * One table of an {@code nft list} output: {@code table ip flannel-ipv4 { ... }}.
 *
 * @param iptablesNft the table holds iptables rules written by iptables-nft (nft warns "table ip nat is managed by
 *                    iptables-nft, do not touch!", or the table is one of iptables' own with its upper-case built-in
 *                    chains): its rules are iptables rules shown in nft's words, not an nftables mode
 * @param complete    the listing shows the whole table (its closing brace, nothing cut out)
 */
public record NftTable(String family, String name, List<NftChain> chains, boolean iptablesNft, boolean complete) {
    private static final List<String> IPTABLES_TABLES = List.of("nat", "filter", "mangle", "raw", "security");
    private static final List<String> BUILTIN = List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING");

    public NftTable {
        chains = List.copyOf(chains);
    }

    public Optional<NftChain> chain(String chain) {
        return chains.stream().filter(c -> c.name().equals(chain)).findFirst();
    }

    public boolean is(String family, String name) {
        return this.family.equals(family) && this.name.equals(name);
    }

    /** iptables' table names with iptables' upper-case built-in chains: what iptables-nft writes. */
    static boolean looksLikeIptables(String name, List<NftChain> chains) {
        return (IPTABLES_TABLES.contains(name) || "?".equals(name)) && chains.stream().anyMatch(c -> BUILTIN.contains(c.name())
                || c.name().startsWith("KUBE-") || c.name().startsWith("FLANNEL-"));
    }
}
