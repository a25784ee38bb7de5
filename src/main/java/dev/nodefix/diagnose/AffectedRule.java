package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * VXLAN, tx-checksum offload on and a double-NAT path with --random-fully, each shown by the evidence: the
 * 63-second delay.
 */
public final class AffectedRule implements Rule {
    static final String FIX = "disable tx-checksum-ip-generic on flannel.1 and persist it with a udev rule"
            + " (nodefix play fix-vxlan-checksum); for good, upgrade k3s to a release with the kube-proxy"
            + " unmark fix (Kubernetes >= 1.16.13/1.17.9/1.18.6) and flannel >= v0.20.2";

    @Override
    public List<Finding> check(NodeFacts f) {
        Legs legs = Legs.of(f);
        if (legs.verdict() != Verdict.AFFECTED) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>(Evidence.of(legs.vxlan(), legs.offload(), legs.doubleNat()));
        evidence.add(Evidence.kernel(f));
        Evidence.csumErrors(f).ifPresent(evidence::add);
        return List.of(Finding.of(Code.AFFECTED, Severity.CRITICAL,
                "node -> ClusterIP connects to pods on other nodes can stall 63 s: VXLAN with tx-checksum offload on"
                        + " and " + legs.doubleNat().reading(), evidence, FIX));
    }
}
