package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * The double-NAT path is there and offload is off now, but nothing turns it off again: it comes back on reboot,
 * {@code ip link del flannel.1}, k3s-killall.sh or flannel re-creating the device (DOMAIN.md §3, §7).
 */
public final class AtRiskRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        if (!Overlay.vxlan(f) || Overlay.offloadOn(f).orElse(true) || f.persistence().installed()) {
            return List.of();
        }
        NatPath nat = CombinedNatPath.of(f, NatPath.of(f));
        if (nat.kind() == NatPath.Kind.SAFE) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>(List.of(Evidence.backend(f), Evidence.offload(f),
                Evidence.persistence(f)));
        evidence.addAll(nat.evidence());
        return List.of(Finding.of(Code.AT_RISK, Severity.WARNING,
                "tx-checksum offload is off on flannel.1 but not persisted: the delay returns after a reboot or when"
                        + " flannel.1 is re-created (" + nat.reason() + ")",
                evidence, "persist the setting with a udev rule (playbooks/fix-vxlan-checksum.yaml)"));
    }
}
