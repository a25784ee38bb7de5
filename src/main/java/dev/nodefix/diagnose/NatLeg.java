package dev.nodefix.diagnose;

import dev.nodefix.fact.FlannelPostrtg;
import dev.nodefix.fact.KubePostrouting;
import dev.nodefix.fact.NftListing;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import dev.nodefix.fact.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The double-NAT leg, read from {@link NatPath}: double NAT is yes, a path proven safe is no, else open. A safe
 * path counts only where the views that prove it were read: an unguarded FLANNEL-POSTRTG with POSTROUTING's order
 * not shown whole, or an unfixed masquerade "without --random-fully" from an iptables whose version is unknown (one
 * older than 1.6.2 does not print the flag), leave the leg open.
 */
final class NatLeg {
    static final String COMMAND = "iptables-save -t nat";
    /** When the listing's iptables cannot print --random-fully or the rules live in another backend. */
    static final String OTHER_VIEW = "iptables-legacy-save -t nat; iptables-nft-save -t nat; nft list table ip nat";

    private NatLeg() {}

    static Leg of(NodeFacts f) {
        NatPath nat = CombinedNatPath.of(f, NatPath.of(f));
        Optional<String> unproven = nat.kind() == NatPath.Kind.SAFE ? unproven(f) : Optional.empty();
        boolean open = nat.kind() == NatPath.Kind.UNKNOWN || unproven.isPresent();
        List<Provenance> sources = List.of(source(f, nat, open));
        if (unproven.isPresent()) {
            return Leg.open(Leg.Name.DOUBLE_NAT, unproven.get(), sources, unproven.get().contains("version")
                    ? "iptables --version; " + OTHER_VIEW : COMMAND);
        }
        return switch (nat.kind()) {
            case DOUBLE_NAT -> Leg.known(Leg.Name.DOUBLE_NAT, Observed.YES, nat.reason(), sources);
            case SAFE -> Leg.known(Leg.Name.DOUBLE_NAT, Observed.NO, nat.reason(), sources);
            case UNKNOWN -> Leg.open(Leg.Name.DOUBLE_NAT, nat.reason(), sources,
                    nat.settle().orElseGet(() -> settle(nat.reason())));
        };
    }

    /**
     * Where the path was read: the listings' own commands (and nft's when it took part), complete only when the
     * path is settled and POSTROUTING was shown whole (a fragment can settle a chain, not the listing).
     */
    private static Provenance source(NodeFacts f, NatPath nat, boolean open) {
        List<String> commands = new ArrayList<>(f.iptablesBackends().commands());
        if (commands.isEmpty()) {
            commands.add(COMMAND);
        }
        NftListing.Coverage nft = f.nft().coverage();
        if (nft == NftListing.Coverage.RULESET || nft == NftListing.Coverage.TABLES || nft == NftListing.Coverage.FRAGMENT) {
            commands.add("nft list ruleset");
        }
        boolean whole = !open && f.postrouting().listed();
        return new Provenance(String.join("; ", commands), "iptables-nat", Provenance.View.HOST, Optional.empty(),
                whole ? Provenance.Extent.COMPLETE : Provenance.Extent.FRAGMENT, nat.evidence());
    }

    /** Why a path read as safe is not proven safe; empty when it is. */
    private static Optional<String> unproven(NodeFacts f) {
        FlannelPostrtg.Guard guard = f.flannelPostrtg().guard();
        if ((guard == FlannelPostrtg.Guard.MISSING || guard == FlannelPostrtg.Guard.UNREADABLE) && !f.postrouting().listed()) {
            return Optional.of("FLANNEL-POSTRTG is not shown guarded by mark 0x4000 and POSTROUTING is not shown whole: whether"
                    + " it runs before KUBE-POSTROUTING cannot be told");
        }
        KubePostrouting kube = f.kubePostrouting();
        if (kube.form() == KubePostrouting.Form.UNFIXED && kube.randomFully().equals(Optional.of(false))
                && f.iptables().version().isEmpty()) {
            return Optional.of("KUBE-POSTROUTING is unfixed and printed without --random-fully, by an iptables whose"
                    + " version is not shown (one older than 1.6.2 does not print the flag)");
        }
        return Optional.empty();
    }

    /** Where the path names no command: the other backend or a newer iptables when the listing says so. */
    private static String settle(String reason) {
        return reason.contains("--random-fully") || reason.contains("nft") ? OTHER_VIEW : COMMAND;
    }
}
