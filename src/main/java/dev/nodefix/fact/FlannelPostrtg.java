package dev.nodefix.fact;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * flannel's {@code FLANNEL-POSTRTG} chain (v0.20.0 on) and its guard from v0.20.2:
 * {@code -m mark --mark 0x4000/0x4000 ... -j RETURN}. iptables-nft 1.8.9 answers "chain ... is incompatible,
 * use 'nft' tool" to {@code -S FLANNEL-POSTRTG} also for a chain that does not exist: that is {@link Guard#UNREADABLE},
 * not absent. {@code iptables-save} (the collector's listing now) tells the two apart. Read from any listing form
 * ({@link ChainRules}): a fragment tells {@link Guard#PRESENT} when it shows the guard, else nothing; a listing
 * that leaves the other backend's tables out cannot prove the chain's absence.
 *
 * @param randomFully a MASQUERADE of the chain uses {@code --random-fully}; empty when the evidence cannot tell
 */
public record FlannelPostrtg(Guard guard, Optional<Boolean> randomFully, List<String> rules) {
    public enum Guard { PRESENT, MISSING, NO_CHAIN, UNREADABLE }

    private static final String CHAIN = "FLANNEL-POSTRTG";
    private static final Pattern MARK_RETURN = Pattern.compile(".*-m mark --mark (0x\\p{XDigit}+)/\\1 .*-j RETURN.*");

    public static final Fact<FlannelPostrtg> FACT = Fact.of("iptables-nat", FlannelPostrtg::parse)
            .orFrom("flannel-postrtg");

    public FlannelPostrtg {
        rules = List.copyOf(rules);
    }

    /** The fact, with "no --random-fully" made "cannot tell" when the host's iptables cannot print the flag. */
    public static FlannelPostrtg from(CollectorOutput out) {
        FlannelPostrtg read = FACT.from(out);
        IptablesVersion iptables = IptablesVersion.HOST.from(out);
        boolean blind = iptables.version().isPresent() && !iptables.randomFullyCapable();
        boolean masquerades = read.rules.stream().anyMatch(ChainRules::masquerades);
        return blind && masquerades && read.randomFully.equals(Optional.of(false))
                ? new FlannelPostrtg(read.guard, Optional.empty(), read.rules) : read;
    }

    static FlannelPostrtg parse(Section section) {
        ChainRules chain = ChainRules.of(section, CHAIN);
        Optional<Boolean> randomFully = chain.randomFully(r -> r.contains("flanneld masq"));
        return new FlannelPostrtg(guard(chain), randomFully, chain.rules());
    }

    private static Guard guard(ChainRules chain) {
        boolean guarded = chain.rules().stream().anyMatch(r -> MARK_RETURN.matcher(r).matches());
        return switch (chain.listing()) {
            case NO_CHAIN -> chain.otherTablesHidden() ? Guard.UNREADABLE : Guard.NO_CHAIN;
            case UNREADABLE, NOT_RUN -> Guard.UNREADABLE;
            case PARTIAL -> guarded ? Guard.PRESENT : Guard.UNREADABLE;
            case LISTED -> guarded ? Guard.PRESENT : Guard.MISSING;
        };
    }
}
