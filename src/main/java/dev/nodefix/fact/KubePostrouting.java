package dev.nodefix.fact;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The form of kube-proxy's {@code KUBE-POSTROUTING} (DOMAIN.md §2, §6). Fixed (kubernetes PR 92035): a RETURN
 * for {@code ! --mark 0x4000/0x4000}, a MARK that clears the bit (printed {@code --set-xmark 0x4000/0x0}, or
 * {@code --xor-mark 0x4000}) and the MASQUERADE. Unfixed: a MASQUERADE on {@code -m mark --mark 0x4000/0x4000}.
 *
 * @param randomFully a MASQUERADE rule of the chain uses {@code --random-fully}
 * @param rules       the chain's rules as listed, for evidence
 */
public record KubePostrouting(Form form, boolean randomFully, List<String> rules) {
    public enum Form { FIXED, UNFIXED, ABSENT, UNKNOWN }

    private static final String CHAIN = "KUBE-POSTROUTING";
    private static final Pattern UNMARKED_RETURN = Pattern.compile(".*-m mark ! --mark (0x\\p{XDigit}+)/\\1 -j RETURN.*");
    private static final Pattern CLEAR_MARK =
            Pattern.compile(".*-j MARK (--set-xmark 0x\\p{XDigit}+/0x0|--xor-mark 0x\\p{XDigit}+)\\b.*");
    private static final Pattern MARKED_MASQUERADE =
            Pattern.compile(".*-m mark --mark (0x\\p{XDigit}+)/\\1 .*-j MASQUERADE.*");

    public static final Fact<KubePostrouting> FACT = Fact.of("iptables-nat", KubePostrouting::parse)
            .orFrom("kube-postrouting");

    public KubePostrouting {
        rules = List.copyOf(rules);
    }

    static KubePostrouting parse(Section section) {
        ChainRules chain = ChainRules.of(section, CHAIN);
        List<String> rules = chain.rules();
        boolean randomFully = rules.stream().anyMatch(r -> ChainRules.masquerades(r) && r.contains("--random-fully"));
        return new KubePostrouting(form(chain), randomFully, rules);
    }

    private static Form form(ChainRules chain) {
        return switch (chain.listing()) {
            case NO_CHAIN -> Form.ABSENT;
            case UNREADABLE, NOT_RUN -> Form.UNKNOWN;
            case LISTED -> formOf(chain.rules());
        };
    }

    private static Form formOf(List<String> rules) {
        boolean returns = rules.stream().anyMatch(r -> UNMARKED_RETURN.matcher(r).matches());
        boolean clears = rules.stream().anyMatch(r -> CLEAR_MARK.matcher(r).matches());
        boolean masquerades = rules.stream().anyMatch(ChainRules::masquerades);
        if (returns && clears && masquerades) {
            return Form.FIXED;
        }
        if (rules.stream().anyMatch(r -> MARKED_MASQUERADE.matcher(r).matches())) {
            return Form.UNFIXED;
        }
        return rules.isEmpty() ? Form.ABSENT : Form.UNKNOWN;
    }
}
