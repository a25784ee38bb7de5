package dev.nodefix.fact;

import java.util.List;

/** The {@code -A CHAIN ...} lines of an {@code iptables -t nat -S CHAIN} listing, and how the listing failed. */
record ChainRules(Listing listing, List<String> rules) {
    enum Listing { LISTED, NO_CHAIN, UNREADABLE, NOT_RUN }

    ChainRules {
        rules = List.copyOf(rules);
    }

    static ChainRules of(Section section, String chain) {
        if (section.status() != Section.Status.RAN) {
            return new ChainRules(Listing.NOT_RUN, List.of());
        }
        List<String> rules = section.lines().stream().map(String::strip)
                .filter(l -> l.startsWith("-A " + chain + " ")).toList();
        boolean declared = section.lines().stream().anyMatch(l -> l.strip().equals("-N " + chain)
                || l.strip().startsWith("-P " + chain + " "));
        if (section.succeeded() && (declared || !rules.isEmpty())) {
            return new ChainRules(Listing.LISTED, rules);
        }
        if (section.text().contains("No chain/target/match by that name")) {
            return new ChainRules(Listing.NO_CHAIN, List.of());
        }
        return new ChainRules(Listing.UNREADABLE, List.of());
    }

    static boolean masquerades(String rule) {
        return rule.contains("-j MASQUERADE");
    }
}
