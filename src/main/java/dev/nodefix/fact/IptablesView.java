package dev.nodefix.fact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one pasted iptables output shows of the nat table, whatever its form: each chain it shows with its
 * rules as {@code -A CHAIN ...} statements (the form {@code iptables -S} prints), and whether the listing is the
 * whole nat table, so that a chain it does not show does not exist.
 *
 * @param chains       by name, in the order shown
 * @param wholeNatTable the text is a complete listing of the nat table: nothing elided, filtered or cut
 */
record IptablesView(Map<String, Chain> chains, boolean wholeNatTable) {
    /**
     * One chain as shown.
     *
     * @param complete every rule of the chain is shown (its whole block, nothing elided or filtered)
     */
    record Chain(boolean complete, List<String> rules) {
        Chain {
            rules = List.copyOf(rules);
        }
    }

    private static final Set<String> TARGETS = Set.of("ACCEPT", "DROP", "RETURN", "REJECT", "QUEUE", "NFQUEUE", "LOG",
            "NFLOG", "ULOG", "MASQUERADE", "SNAT", "DNAT", "REDIRECT", "NETMAP", "MARK", "CONNMARK", "CT", "NOTRACK",
            "CHECKSUM", "TCPMSS", "TPROXY", "TTL", "TOS", "DSCP", "CLASSIFY", "SET", "TRACE", "AUDIT", "SECMARK",
            "CONNSECMARK", "HMARK", "TEE", "SYNPROXY", "IDLETIMER", "LED", "CLUSTERIP", "DNPT", "SNPT", "HL", "RATEEST",
            "TCPOPTSTRIP");
    private static final Pattern JUMP = Pattern.compile(".* -[jg] (\\S+).*");

    IptablesView {
        chains = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(chains));
    }

    /** What {@code text} shows, in whichever forms it holds: save/-S statements and -L blocks. */
    static IptablesView of(IptablesText text) {
        return SavedRules.read(text).with(ListedRules.read(text));
    }

    /** Every chain a shown rule jumps to is shown too: a listing missing one was cut. */
    static boolean closed(Map<String, Chain> chains) {
        return chains.values().stream().flatMap(c -> c.rules().stream()).map(JUMP::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).allMatch(t -> TARGETS.contains(t) || chains.containsKey(t));
    }

    /** Both readings of one text: a paste may hold a save listing and a {@code -L} listing one after another. */
    IptablesView with(IptablesView other) {
        Map<String, Chain> merged = new LinkedHashMap<>(chains);
        other.chains.forEach((name, chain) -> merged.merge(name, chain, IptablesView::better));
        return new IptablesView(merged, wholeNatTable || other.wholeNatTable);
    }

    private static Chain better(Chain a, Chain b) {
        if (a.complete() != b.complete()) {
            return a.complete() ? a : b;
        }
        return a.rules().size() >= b.rules().size() ? a : b;
    }
}
