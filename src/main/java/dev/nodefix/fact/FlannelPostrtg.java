package dev.nodefix.fact;

import java.util.List;
import java.util.regex.Pattern;

/**
 * flannel's {@code FLANNEL-POSTRTG} chain (v0.20.0 on) and its guard from v0.20.2:
 * {@code -m mark --mark 0x4000/0x4000 ... -j RETURN}. iptables-nft 1.8.9 answers "chain ... is incompatible,
 * use 'nft' tool" to {@code -S FLANNEL-POSTRTG} also for a chain that does not exist: that is {@link Guard#UNREADABLE},
 * not absent. {@code iptables-save} (the collector's listing now) tells the two apart.
 */
public record FlannelPostrtg(Guard guard, boolean randomFully, List<String> rules) {
    public enum Guard { PRESENT, MISSING, NO_CHAIN, UNREADABLE }

    private static final String CHAIN = "FLANNEL-POSTRTG";
    private static final Pattern MARK_RETURN = Pattern.compile(".*-m mark --mark (0x\\p{XDigit}+)/\\1 .*-j RETURN.*");

    public static final Fact<FlannelPostrtg> FACT = Fact.of("iptables-nat", FlannelPostrtg::parse)
            .orFrom("flannel-postrtg");

    public FlannelPostrtg {
        rules = List.copyOf(rules);
    }

    static FlannelPostrtg parse(Section section) {
        ChainRules chain = ChainRules.of(section, CHAIN);
        boolean randomFully = chain.rules().stream().anyMatch(r -> ChainRules.masquerades(r) && r.contains("--random-fully"));
        Guard guard = switch (chain.listing()) {
            case NO_CHAIN -> Guard.NO_CHAIN;
            case UNREADABLE, NOT_RUN -> Guard.UNREADABLE;
            case LISTED -> chain.rules().stream().anyMatch(r -> MARK_RETURN.matcher(r).matches())
                    ? Guard.PRESENT : Guard.MISSING;
        };
        return new FlannelPostrtg(guard, randomFully, chain.rules());
    }
}
