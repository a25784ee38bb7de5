package dev.nodefix.fact;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form of kube-proxy's {@code KUBE-POSTROUTING} (DOMAIN.md §2, §6). Fixed (kubernetes PR 92035): a RETURN
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

    /** The fact, with "no --random-fully" made "cannot tell" when the host's iptables cannot print the flag. */
    public static KubePostrouting from(CollectorOutput out) {
        return FACT.from(out).printedBy(IptablesVersion.HOST.from(out));
    }

    KubePostrouting printedBy(IptablesVersion iptables) {
        boolean blind = iptables.version().isPresent() && !iptables.randomFullyCapable();
        boolean masquerades = rules.stream().anyMatch(ChainRules::masquerades);
        return blind && masquerades && randomFully.equals(Optional.of(false))
                ? new KubePostrouting(form, Optional.empty(), rules) : this;
    }

    static KubePostrouting parse(Section section) {
        ChainRules chain = ChainRules.of(section, CHAIN);
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
