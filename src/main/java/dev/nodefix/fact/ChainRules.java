package dev.nodefix.fact;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rules of one nat chain as {@code -A CHAIN ...} statements, from any form of listing ({@link SavedRules}:
 * {@code iptables-save}, {@code -S}; {@link ListedRules}: {@code -L} with its options), pasted as it came
 * ({@link IptablesText}). A chain a listing does not show is {@link Listing#NO_CHAIN} only when the listing is the
 * whole nat table (or iptables said there is no such chain); a fragment that does not show it is
 * {@link Listing#UNREADABLE}, and the rules a fragment shows are {@link Listing#PARTIAL}.
 *
 * @param otherTablesHidden the listing warned that the other iptables backend holds tables it does not show
 * @param blindToRandomFully the iptables that printed it is too old (before 1.6.2) to print {@code --random-fully}
 */
record ChainRules(Listing listing, List<String> rules, boolean otherTablesHidden, boolean blindToRandomFully) {
    enum Listing { LISTED, PARTIAL, NO_CHAIN, UNREADABLE, NOT_RUN }

    ChainRules {
        rules = List.copyOf(rules);
    }

    static ChainRules of(Section section, String chain) {
        if (section.status() != Section.Status.RAN) {
            return new ChainRules(Listing.NOT_RUN, List.of(), false, false);
        }
        IptablesText text = IptablesText.of(section.lines());
        return of(section, text, IptablesView.of(text), chain);
    }

    /** The chain as {@code view} shows it, read from the text the view parsed once. */
    static ChainRules of(NatView view, String chain) {
        if (view.section().status() != Section.Status.RAN) {
            return new ChainRules(Listing.NOT_RUN, List.of(), false, false);
        }
        return of(view.section(), view.text(), view.shown(), chain);
    }

    private static ChainRules of(Section section, IptablesText text, IptablesView view, String chain) {
        IptablesView.Chain shown = view.chains().get(chain);
        boolean hidden = text.otherTablesHidden();
        boolean blind = text.blindToRandomFully();
        if (shown != null) {
            Listing listing = section.succeeded() && shown.complete() ? Listing.LISTED : Listing.PARTIAL;
            return new ChainRules(listing, shown.rules(), hidden, blind);
        }
        boolean whole = section.succeeded() && view.wholeNatTable() && !hidden;
        boolean noSuchChain = section.text().contains("No chain/target/match by that name") && text.listsChain(chain);
        if (whole || noSuchChain) {
            return new ChainRules(Listing.NO_CHAIN, List.of(), hidden, blind);
        }
        return new ChainRules(Listing.UNREADABLE, List.of(), hidden, blind);
    }

    /** Every rule of the chain is shown, and the other backend holds no tables this listing leaves out. */
    boolean wholeView() {
        return listing == Listing.LISTED && !otherTablesHidden;
    }

    /**
     * Whether the chain masquerades with {@code --random-fully}: yes when a MASQUERADE shown has it; no when the
     * chain does not exist, or when every rule is shown (or a {@code decisive} MASQUERADE is) without it by an
     * iptables able to print it; else cannot tell.
     */
    Optional<Boolean> randomFully(Predicate<String> decisive) {
        List<String> masquerades = rules.stream().filter(ChainRules::masquerades).toList();
        if (masquerades.stream().anyMatch(r -> r.contains("--random-fully"))) {
            return Optional.of(true);
        }
        if (listing == Listing.NO_CHAIN) {
            return Optional.of(false);
        }
        boolean seen = wholeView() || !otherTablesHidden && masquerades.stream().anyMatch(decisive);
        return seen && !blindToRandomFully ? Optional.of(false) : Optional.empty();
    }

    static boolean masquerades(String rule) {
        return rule.contains("-j MASQUERADE");
    }
}
