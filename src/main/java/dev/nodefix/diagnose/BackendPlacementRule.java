package dev.nodefix.diagnose;

import dev.nodefix.fact.IptablesBackends;
import dev.nodefix.fact.IptablesVersion;
import dev.nodefix.fact.NatView;
import dev.nodefix.fact.NodeFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * kube-proxy's or flannel's nat rules live in the other iptables table set than the one the host's default
 * {@code iptables} reads (so {@code iptables-save} does not show them, yet they are live), or a host's and a
 * container's listing of the node disagree. Not a verdict: the NAT path already reads every view.
 */
public final class BackendPlacementRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        IptablesBackends b = f.iptablesBackends();
        List<Finding> out = new ArrayList<>();
        placement(b, "kube-proxy's KUBE-POSTROUTING", b.kubeIn(), f.kubePostrouting().rules()).ifPresent(out::add);
        placement(b, "flannel's FLANNEL-POSTRTG", b.flannelIn(), f.flannelPostrtg().rules()).ifPresent(out::add);
        if (!b.disagreements().isEmpty()) {
            out.add(Finding.of(Code.IPTABLES_VIEWS_DISAGREE, Severity.WARNING, "the host's and a container's iptables"
                    + " show different nat rules: they read different table sets, and the rules of both are live",
                    b.disagreements(), "read both table sets on the host: `iptables-legacy-save -t nat` and"
                            + " `iptables-nft-save -t nat`"));
        }
        return out;
    }

    private static java.util.Optional<Finding> placement(IptablesBackends b, String what,
                                                         List<IptablesVersion.Mode> in, List<String> rules) {
        List<IptablesVersion.Mode> other = b.elsewhere(in);
        if (other.isEmpty()) {
            return java.util.Optional.empty();
        }
        String sets = String.join(" and ", other.stream().map(NatView::backendName).toList());
        String also = in.contains(b.hostDefault()) ? " too (a second copy beside the one in the default set)" : "";
        List<String> evidence = new ArrayList<>(List.of("host's default iptables: "
                + NatView.backendName(b.hostDefault()), "nat tables read with: " + String.join("; ", b.commands())));
        evidence.addAll(rules);
        return java.util.Optional.of(Finding.of(Code.IPTABLES_OTHER_BACKEND, Severity.WARNING, what + " lives in the"
                + " iptables " + sets + " tables" + also + ", which the host's default iptables ("
                + NatView.backendName(b.hostDefault()) + ") does not show; its rules are live all the same",
                evidence, "read and fix it with the " + sets + " tools (`iptables-" + (sets.equals("legacy") ? "legacy"
                        : "nft") + "-save -t nat`); make the host's default iptables and kube-proxy's/flannel's agree"
                        + " (k3s: the same iptables mode, or prefer-bundled-bin)"));
    }
}
