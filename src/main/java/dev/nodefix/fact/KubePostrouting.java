package dev.nodefix.fact;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form of kube-proxy's {@code KUBE-POSTROUTING}. Fixed (kubernetes PR 92035): a RETURN
 * for {@code ! --mark 0x4000/0x4000}, a MARK that clears the bit (printed {@code --set-xmark 0x4000/0x0}, or
 * {@code --xor-mark 0x4000}, or an and-mark {@code --set-xmark 0x0/0x4000}) and the MASQUERADE. Unfixed: a
 * MASQUERADE on {@code -m mark --mark 0x4000/0x4000}. Read from any listing form ({@link ChainRules}): a fragment
 * that does not show the chain, or shows it without the rules that decide, is {@link Form#UNKNOWN}, never
 * {@link Form#ABSENT}; so is an empty chain in a listing that leaves the other backend's tables out (the rules
 * it shows exist, what it does not show may be in the other backend).
 *
 * @param randomFully a MASQUERADE rule of the chain uses {@code --random-fully}; empty when the evidence cannot
 *                    tell (chain unread, a fragment without the SNAT rule, or an iptables older than 1.6.2 that
 *                    cannot print the flag)
 * @param rules       the chain's rules as listed, as {@code -A} statements, for evidence
 */
public record KubePostrouting(Form form, Optional<Boolean> randomFully, List<String> rules) {
    public enum Form { FIXED, UNFIXED, ABSENT, UNKNOWN }

    private static final String CHAIN = "KUBE-POSTROUTING";
    private static final Pattern UNMARKED_RETURN = Pattern.compile(".*-m mark ! --mark (0x\\p{XDigit}+)/\\1 -j RETURN.*");
    private static final Pattern CLEAR_MARK = Pattern.compile(
            ".*-j MARK (--set-xmark 0x\\p{XDigit}+/0x0|--set-xmark 0x0/0x\\p{XDigit}+|--xor-mark 0x\\p{XDigit}+)\\b.*");
    private static final Pattern MARKED_MASQUERADE =
            Pattern.compile(".*-m mark --mark (0x\\p{XDigit}+)/\\1 .*-j MASQUERADE.*");
    private static final String SNAT_COMMENT = "kubernetes service traffic requiring SNAT";

    public static final Fact<KubePostrouting> FACT = Fact.of("iptables-nat", KubePostrouting::parse)
            .orFrom("kube-postrouting");

    public KubePostrouting {
        rules = List.copyOf(rules);
    }

    /**
     * The fact over every nat view the node gave ({@link NatViews}): the worst reading counts, since the rules of
     * both table sets are live; "no --random-fully" from an iptables that cannot print it is "cannot tell"; and
     * FIXED or ABSENT stays "cannot tell" while a view warns of legacy tables that no view read.
     */
    public static KubePostrouting from(CollectorOutput out) {
        return merged(NatViews.of(out, "kube-postrouting"));
    }

    /** What one view shows. */
    static KubePostrouting of(NatView view) {
        return read(ChainRules.of(view, CHAIN)).printedBy(view.blind());
    }

    static KubePostrouting merged(NatViews views) {
        List<NatViews.Reading<KubePostrouting>> readings = views.read(KubePostrouting::of);
        boolean unread = views.legacyUnread();
        if (readings.size() == 1 && !unread) {
            return readings.get(0).value();
        }
        List<NatViews.Reading<KubePostrouting>> unfixed = having(readings, Form.UNFIXED);
        if (!unfixed.isEmpty()) {
            return new KubePostrouting(Form.UNFIXED, randomFully(unfixed, unread), rules(unfixed));
        }
        List<NatViews.Reading<KubePostrouting>> decisive = readings.stream()
                .filter(r -> !r.view().container() || r.value().form() != Form.UNKNOWN).toList();
        if (unread || decisive.isEmpty() || !having(decisive, Form.UNKNOWN).isEmpty()) {
            return new KubePostrouting(Form.UNKNOWN, Optional.empty(), rules(readings));
        }
        List<NatViews.Reading<KubePostrouting>> fixed = having(decisive, Form.FIXED);
        return fixed.isEmpty() ? new KubePostrouting(Form.ABSENT, Optional.of(false), List.of())
                : new KubePostrouting(Form.FIXED, randomFully(fixed, false), rules(fixed));
    }

    private static List<NatViews.Reading<KubePostrouting>> having(List<NatViews.Reading<KubePostrouting>> readings,
                                                                   Form form) {
        return readings.stream().filter(r -> r.value().form() == form).toList();
    }

    private static Optional<Boolean> randomFully(List<NatViews.Reading<KubePostrouting>> readings, boolean unread) {
        return NatViews.randomFully(readings.stream()
                .map(r -> new NatViews.Reading<>(r.view(), r.value().randomFully())).toList(), unread);
    }

    private static List<String> rules(List<NatViews.Reading<KubePostrouting>> readings) {
        return readings.stream().flatMap(r -> r.value().rules().stream()).distinct().toList();
    }

    KubePostrouting printedBy(boolean blind) {
        boolean masquerades = rules.stream().anyMatch(ChainRules::masquerades);
        return blind && masquerades && randomFully.equals(Optional.of(false))
                ? new KubePostrouting(form, Optional.empty(), rules) : this;
    }

    static KubePostrouting parse(Section section) {
        return read(ChainRules.of(section, CHAIN));
    }

    private static KubePostrouting read(ChainRules chain) {
        Optional<Boolean> randomFully = chain.randomFully(r -> r.contains(SNAT_COMMENT)
                || MARKED_MASQUERADE.matcher(r).matches());
        return new KubePostrouting(form(chain), randomFully, chain.rules());
    }

    private static Form form(ChainRules chain) {
        return switch (chain.listing()) {
            case NO_CHAIN -> chain.otherTablesHidden() ? Form.UNKNOWN : Form.ABSENT;
            case UNREADABLE, NOT_RUN -> Form.UNKNOWN;
            case LISTED, PARTIAL -> formOf(chain);
        };
    }

    private static Form formOf(ChainRules chain) {
        List<String> rules = chain.rules();
        boolean returns = rules.stream().anyMatch(r -> UNMARKED_RETURN.matcher(r).matches());
        boolean clears = rules.stream().anyMatch(r -> CLEAR_MARK.matcher(r).matches());
        boolean masquerades = rules.stream().anyMatch(ChainRules::masquerades);
        if (returns && clears && masquerades) {
            return Form.FIXED;
        }
        if (rules.stream().anyMatch(r -> MARKED_MASQUERADE.matcher(r).matches())) {
            return Form.UNFIXED;
        }
        return rules.isEmpty() && chain.wholeView() ? Form.ABSENT : Form.UNKNOWN;
    }
}
