package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A host's four legs and the verdict they allow. A verdict is only as sure as its evidence: every leg that cannot
 * be told is tried both ways, and the verdict is the one every way gives; affected-or-at-risk is at-risk (the
 * double-NAT path is there and nothing keeps the offload off; whether it is on now is open); anything else is
 * unknown. So not-affected always rests on a positive leg: no VXLAN, no double-NAT path, or the offload off and
 * kept off.
 */
public record Legs(Leg vxlan, Leg offload, Leg keptOff, Leg doubleNat) {
    public static Legs of(NodeFacts f) {
        return new Legs(Overlay.vxlan(f), Overlay.offload(f), Overlay.keptOff(f), NatLeg.of(f));
    }

    public List<Leg> all() {
        return List.of(vxlan, offload, keptOff, doubleNat);
    }

    /** The verdict these legs allow. */
    public Verdict verdict() {
        Set<Verdict> possible = possible(all());
        if (possible.size() == 1) {
            return possible.iterator().next();
        }
        return possible.equals(EnumSet.of(Verdict.AFFECTED, Verdict.AT_RISK)) ? Verdict.AT_RISK : Verdict.UNKNOWN;
    }

    /** Every verdict some way of telling the open legs gives. */
    Set<Verdict> possible() {
        return possible(all());
    }

    /** The open legs whose answer would change what the verdict can be: the ones worth a command. */
    public List<Leg> deciding() {
        List<Leg> deciding = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            if (all().get(i).isOpen() && !possible(with(i, Observed.YES)).equals(possible(with(i, Observed.NO)))) {
                deciding.add(all().get(i));
            }
        }
        return deciding;
    }

    private List<Leg> with(int index, Observed value) {
        List<Leg> legs = new ArrayList<>(all());
        Leg leg = legs.get(index);
        legs.set(index, Leg.known(leg.name(), value, leg.reading(), leg.sources()));
        return legs;
    }

    private static Set<Verdict> possible(List<Leg> legs) {
        Set<Verdict> out = EnumSet.noneOf(Verdict.class);
        for (int way = 0; way < 16; way++) {
            boolean[] v = new boolean[4];
            boolean fits = true;
            for (int i = 0; i < 4; i++) {
                v[i] = (way & (1 << i)) != 0;
                Observed o = legs.get(i).value();
                fits &= o == Observed.CANNOT_TELL || o == (v[i] ? Observed.YES : Observed.NO);
            }
            if (fits) {
                out.add(decide(v[0], v[1], v[2], v[3]));
            }
        }
        return out;
    }

    /** The verdict of settled legs: the bug needs VXLAN, a double-NAT path and the offload on or able to return. */
    static Verdict decide(boolean vxlan, boolean offloadOn, boolean keptOff, boolean doubleNat) {
        if (!vxlan || !doubleNat) {
            return Verdict.NOT_AFFECTED;
        }
        if (offloadOn) {
            return Verdict.AFFECTED;
        }
        return keptOff ? Verdict.NOT_AFFECTED : Verdict.AT_RISK;
    }
}
