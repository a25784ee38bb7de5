package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chains {@code POSTROUTING} jumps to, in order. flannel v0.20.0-v0.20.1 put {@code FLANNEL-POSTRTG}
 * before {@code KUBE-POSTROUTING} (double NAT).
 *
 * @param listed       POSTROUTING is shown whole ({@link ChainRules.Listing#LISTED}); a fragment's jumps are still
 *                     listed, in the order shown
 * @param flannelFirst empty unless both chains are jumped to
 */
public record PostroutingOrder(boolean listed, List<String> jumps, Optional<Boolean> flannelFirst) {
    private static final String CHAIN = "POSTROUTING";
    private static final Pattern JUMP = Pattern.compile("-A POSTROUTING .*-j ([A-Za-z0-9_-]+).*");

    public static final Fact<PostroutingOrder> FACT = Fact.of("iptables-nat", PostroutingOrder::parse)
            .orFrom("postrouting");

    public PostroutingOrder {
        jumps = List.copyOf(jumps);
    }

    /**
     * The order over every nat view ({@link NatViews}): each table set has its own POSTROUTING, so the order is the
     * one of a view that jumps to both chains (flannel first in any of them counts); none when no view does.
     */
    public static PostroutingOrder from(CollectorOutput out) {
        return of(NatViews.of(out, "postrouting"));
    }

    static PostroutingOrder of(NatViews views) {
        List<PostroutingOrder> readings = views.views().stream().map(v -> read(ChainRules.of(v, CHAIN))).toList();
        if (readings.size() == 1) {
            return readings.get(0);
        }
        return readings.stream().filter(r -> r.flannelFirst().orElse(false)).findFirst()
                .or(() -> readings.stream().filter(r -> r.flannelFirst().isPresent()).findFirst())
                .orElseGet(() -> new PostroutingOrder(readings.stream().anyMatch(PostroutingOrder::listed),
                        readings.stream().flatMap(r -> r.jumps().stream()).distinct().toList(), Optional.empty()));
    }

    static PostroutingOrder parse(Section section) {
        return read(ChainRules.of(section, CHAIN));
    }

    private static PostroutingOrder read(ChainRules chain) {
        List<String> jumps = new ArrayList<>();
        for (String rule : chain.rules()) {
            Matcher m = JUMP.matcher(rule);
            if (m.matches()) {
                jumps.add(m.group(1));
            }
        }
        int flannel = jumps.indexOf("FLANNEL-POSTRTG");
        int kube = jumps.indexOf("KUBE-POSTROUTING");
        Optional<Boolean> first = flannel >= 0 && kube >= 0 ? Optional.of(flannel < kube) : Optional.empty();
        return new PostroutingOrder(chain.listing() == ChainRules.Listing.LISTED, jumps, first);
    }
}
