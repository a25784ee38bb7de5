package dev.nodefix.diagnose;

import dev.nodefix.fact.Observed;
import dev.nodefix.fact.Provenance;
import java.util.List;
import java.util.Optional;

/** The double-NAT leg, read from {@link NatPath}: double NAT is yes, a path proven safe is no, else open. */
final class NatLeg {
    static final String COMMAND = "iptables-save -t nat";
    /** When the listing's iptables cannot print --random-fully or the rules live in another backend. */
    static final String OTHER_VIEW = "iptables-legacy-save -t nat; iptables-nft-save -t nat; nft list table ip nat";

    private NatLeg() {}

    static Leg of(dev.nodefix.fact.NodeFacts f) {
        NatPath nat = NatPath.of(f);
        Provenance.Extent extent = nat.kind() == NatPath.Kind.UNKNOWN ? Provenance.Extent.FRAGMENT
                : Provenance.Extent.COMPLETE;
        List<Provenance> sources = List.of(new Provenance(COMMAND, "iptables-nat", Provenance.View.HOST,
                Optional.empty(), extent, nat.evidence()));
        return switch (nat.kind()) {
            case DOUBLE_NAT -> Leg.known(Leg.Name.DOUBLE_NAT, Observed.YES, nat.reason(), sources);
            case SAFE -> Leg.known(Leg.Name.DOUBLE_NAT, Observed.NO, nat.reason(), sources);
            case UNKNOWN -> Leg.open(Leg.Name.DOUBLE_NAT, nat.reason(), sources, settle(nat.reason()));
        };
    }

    /** The read that settles an open NAT path: the other backend or a newer iptables when the listing says so. */
    private static String settle(String reason) {
        return reason.contains("--random-fully") || reason.contains("iptables-nft") || reason.contains("nft")
                ? OTHER_VIEW : COMMAND;
    }
}
