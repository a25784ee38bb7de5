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

    /**
     * The fact over every nat view the node gave ({@link NatViews}): an unguarded chain in any view counts (its
     * rules are live), "no --random-fully" from an iptables that cannot print it is "cannot tell", and a guard or
     * an absent chain stays unreadable while a view warns of legacy tables that no view read.
     */
    public static FlannelPostrtg from(CollectorOutput out) {
        return merged(NatViews.of(out, "flannel-postrtg"));
    }

    /** What one view shows. */
    static FlannelPostrtg of(NatView view) {
        FlannelPostrtg read = read(ChainRules.of(view, CHAIN));
        boolean masquerades = read.rules.stream().anyMatch(ChainRules::masquerades);
        return view.blind() && masquerades && read.randomFully.equals(Optional.of(false))
                ? new FlannelPostrtg(read.guard, Optional.empty(), read.rules) : read;
    }

    static FlannelPostrtg merged(NatViews views) {
        List<NatViews.Reading<FlannelPostrtg>> readings = views.read(FlannelPostrtg::of);
        boolean unread = views.legacyUnread();
        if (readings.size() == 1 && !unread) {
            return readings.get(0).value();
        }
        List<NatViews.Reading<FlannelPostrtg>> missing = having(readings, Guard.MISSING);
        if (!missing.isEmpty()) {
            return new FlannelPostrtg(Guard.MISSING, randomFully(missing, unread), rules(missing));
        }
        List<NatViews.Reading<FlannelPostrtg>> decisive = readings.stream()
                .filter(r -> !r.view().container() || r.value().guard() != Guard.UNREADABLE).toList();
        if (unread || decisive.isEmpty() || !having(decisive, Guard.UNREADABLE).isEmpty()) {
            return new FlannelPostrtg(Guard.UNREADABLE, Optional.empty(), rules(readings));
        }
        List<NatViews.Reading<FlannelPostrtg>> present = having(decisive, Guard.PRESENT);
        return present.isEmpty() ? new FlannelPostrtg(Guard.NO_CHAIN, Optional.of(false), List.of())
                : new FlannelPostrtg(Guard.PRESENT, randomFully(present, false), rules(present));
    }

    private static List<NatViews.Reading<FlannelPostrtg>> having(List<NatViews.Reading<FlannelPostrtg>> readings,
                                                                  Guard guard) {
        return readings.stream().filter(r -> r.value().guard() == guard).toList();
    }

    private static Optional<Boolean> randomFully(List<NatViews.Reading<FlannelPostrtg>> readings, boolean unread) {
        return NatViews.randomFully(readings.stream()
                .map(r -> new NatViews.Reading<>(r.view(), r.value().randomFully())).toList(), unread);
    }

    private static List<String> rules(List<NatViews.Reading<FlannelPostrtg>> readings) {
        return readings.stream().flatMap(r -> r.value().rules().stream()).distinct().toList();
    }

    static FlannelPostrtg parse(Section section) {
        return read(ChainRules.of(section, CHAIN));
    }

    private static FlannelPostrtg read(ChainRules chain) {
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
