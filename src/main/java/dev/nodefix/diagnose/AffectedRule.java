package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.ArrayList;
import java.util.List;

/** VXLAN + tx-checksum offload on + a double-NAT path with --random-fully: the 63-second delay (DOMAIN.md §0). */
public final class AffectedRule implements Rule {
    static final String FIX = "disable tx-checksum-ip-generic on flannel.1 and persist it with a udev rule"
            + " (playbooks/fix-vxlan-checksum.yaml); for good, upgrade k3s to a release with the kube-proxy"
            + " unmark fix (Kubernetes >= 1.16.13/1.17.9/1.18.6) and flannel >= v0.20.2";

    @Override
    public List<Finding> check(NodeFacts f) {
        if (!Overlay.vxlan(f) || !Overlay.offloadOn(f).orElse(false)) {
            return List.of();
        }
        NatPath nat = CombinedNatPath.of(f, NatPath.of(f));
        if (nat.kind() != NatPath.Kind.DOUBLE_NAT) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>(List.of(Evidence.backend(f), Evidence.offload(f)));
        evidence.addAll(nat.evidence());
        evidence.add(Evidence.kernel(f));
        Evidence.csumErrors(f).ifPresent(evidence::add);
        return List.of(Finding.of(Code.AFFECTED, Severity.CRITICAL,
                "node -> ClusterIP connects to pods on other nodes can stall 63 s: VXLAN with tx-checksum offload on"
                        + " and " + nat.reason(), evidence, FIX));
    }
}
