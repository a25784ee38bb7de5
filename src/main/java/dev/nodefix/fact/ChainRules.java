package dev.nodefix.fact;

import java.util.List;

/**
 * The {@code -A CHAIN ...} lines of one chain, and how its listing failed. Reads the three listings
 * collectors have printed: {@code iptables-save -t nat} (chains declared as {@code :CHAIN POLICY [0:0]}),
 * {@code iptables -t nat -S} (the whole table) and {@code iptables -t nat -S CHAIN} (one chain, declared as
 * {@code -N CHAIN} or {@code -P CHAIN POLICY}). A chain not declared in a whole-table listing does not exist.
 */
record ChainRules(Listing listing, List<String> rules) {
    enum Listing { LISTED, NO_CHAIN, UNREADABLE, NOT_RUN }

    ChainRules {
        rules = List.copyOf(rules);
    }

    static ChainRules of(Section section, String chain) {
        if (section.status() != Section.Status.RAN) {
            return new ChainRules(Listing.NOT_RUN, List.of());
        }
        List<String> lines = section.lines().stream().map(String::strip).toList();
        List<String> rules = lines.stream().filter(l -> l.startsWith("-A " + chain + " ")).toList();
        boolean declared = lines.stream().anyMatch(l -> l.equals("-N " + chain) || l.startsWith("-P " + chain + " ")
                || l.startsWith(":" + chain + " "));
        if (section.succeeded() && (declared || !rules.isEmpty())) {
            return new ChainRules(Listing.LISTED, rules);
        }
        if (section.succeeded() && wholeTable(lines)) {
            return new ChainRules(Listing.NO_CHAIN, List.of());
        }
        if (section.text().contains("No chain/target/match by that name")) {
            return new ChainRules(Listing.NO_CHAIN, List.of());
        }
        return new ChainRules(Listing.UNREADABLE, List.of());
    }

    /** An iptables-save table ({@code *nat} ... {@code COMMIT}) or {@code -S} of a whole table (every built-in policy). */
    private static boolean wholeTable(List<String> lines) {
        boolean saved = lines.contains("*nat") && lines.contains("COMMIT");
        boolean listed = lines.stream().filter(l -> l.startsWith("-P ")).count() >= 2;
        return saved || listed;
    }

    static boolean masquerades(String rule) {
        return rule.contains("-j MASQUERADE");
    }
}
