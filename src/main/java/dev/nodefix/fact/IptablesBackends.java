package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where kube-proxy's {@code KUBE-POSTROUTING} and flannel's {@code FLANNEL-POSTRTG} live among the kernel's two
 * iptables table sets (legacy and nf_tables), as the node's nat views show them ({@link NatViews}); whether the
 * views leave a table set unread or every view was printed by an iptables too old to print {@code --random-fully};
 * and where a host view and a container's view of the same node disagree.
 *
 * @param hostDefault   the table set the host's default {@code iptables} reads ({@code ABSENT}: not known)
 * @param kubeIn        the table sets whose listing shows KUBE-POSTROUTING, in view order
 * @param flannelIn     the table sets whose listing shows FLANNEL-POSTRTG
 * @param legacyUnread  a listing warned of iptables-legacy tables ("iptables-legacy tables present") and none of
 *                      that table set was read
 * @param nftUnread     the host's default iptables is legacy, a chain was not found, and no listing of the
 *                      nf_tables set was read (legacy iptables cannot see it and never warns of it)
 * @param blindOnly     a table set was read only by iptables older than 1.6.2 (cannot print --random-fully)
 * @param disagreements where a host view and a container view of the node disagree, in words
 * @param commands      the command of each view that was read
 * @param settle        the command that would settle what the views leave open ({@link #settleOf}), run as root
 */
public record IptablesBackends(IptablesVersion.Mode hostDefault, List<IptablesVersion.Mode> kubeIn,
                               List<IptablesVersion.Mode> flannelIn, boolean legacyUnread, boolean nftUnread,
                               boolean blindOnly, List<String> disagreements, List<String> commands,
                               Optional<String> settle) {
    static final String KUBE = "KUBE-POSTROUTING";
    static final String FLANNEL = "FLANNEL-POSTRTG";

    public IptablesBackends {
        kubeIn = List.copyOf(kubeIn);
        flannelIn = List.copyOf(flannelIn);
        disagreements = List.copyOf(disagreements);
        commands = List.copyOf(commands);
        java.util.Objects.requireNonNull(settle, "settle");
    }

    /** Over the node's nat views; older collectors' per-chain sections stand for the default view of their chain. */
    public static IptablesBackends from(CollectorOutput out) {
        return of(NatViews.of(out, "kube-postrouting"), NatViews.of(out, "flannel-postrtg"));
    }

    static IptablesBackends of(NatViews views, NatViews flannelViews) {
        List<IptablesVersion.Mode> kube = holding(views, KUBE);
        List<IptablesVersion.Mode> flannel = holding(flannelViews, FLANNEL);
        IptablesVersion.Mode host = views.primary().container() ? IptablesVersion.Mode.ABSENT : views.primary().backend();
        boolean nftUnread = host == IptablesVersion.Mode.LEGACY && !views.readBackend(IptablesVersion.Mode.NF_TABLES)
                && (kube.isEmpty() || flannel.isEmpty()) && views.primary().read();
        boolean blindOnly = views.blindOnly().isPresent();
        List<String> commands = views.views().stream().filter(NatView::read).map(NatView::command).distinct().toList();
        return new IptablesBackends(host, kube, flannel, views.legacyUnread(), nftUnread, blindOnly,
                ViewsDisagree.of(views), commands, settleOf(views.legacyUnread(), nftUnread, blindOnly));
    }

    /** The table sets other than the host's default that hold {@code chain}'s rules (kube-proxy's or flannel's). */
    public List<IptablesVersion.Mode> elsewhere(List<IptablesVersion.Mode> in) {
        return hostDefault == IptablesVersion.Mode.ABSENT ? List.of()
                : in.stream().filter(m -> m != hostDefault && m != IptablesVersion.Mode.ABSENT).distinct().toList();
    }

    /**
     * The command that would settle what the views leave open: the legacy tables a listing warned of, the nf_tables
     * set a legacy host cannot see, or {@code --random-fully} that no iptables read could print (k3s's bundled
     * iptables is new enough; so is kube-proxy's own, inside its container).
     */
    public static Optional<String> settleOf(boolean legacyUnread, boolean nftUnread, boolean blindOnly) {
        if (legacyUnread) {
            return Optional.of("iptables-legacy-save -t nat");
        }
        if (nftUnread) {
            return Optional.of("iptables-nft-save -t nat");
        }
        if (blindOnly) { // iptables before 1.8 has only the legacy backend
            return Optional.of(NatViews.K3S_AUX + "/iptables-legacy-save -t nat");
        }
        return Optional.empty();
    }

    private static List<IptablesVersion.Mode> holding(NatViews views, String chain) {
        List<IptablesVersion.Mode> in = new ArrayList<>();
        for (NatView v : views.views()) {
            ChainRules.Listing listing = ChainRules.of(v, chain).listing();
            boolean shown = listing == ChainRules.Listing.LISTED || listing == ChainRules.Listing.PARTIAL;
            if (shown && !in.contains(v.backend())) {
                in.add(v.backend());
            }
        }
        return in;
    }
}
