package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.List;

/**
 * The double-NAT path is there and nothing keeps the offload off: off now, it comes back on reboot,
 * {@code ip link del flannel.1}, k3s-killall.sh or flannel re-creating the device; or whether it is on now cannot
 * be told (affected if it is), and the finding names the command that would tell.
 */
public final class AtRiskRule implements Rule {
    static final String PERSIST = "persist the setting with a udev rule (nodefix play fix-vxlan-checksum)";

    @Override
    public List<Finding> check(NodeFacts f) {
        Legs legs = Legs.of(f);
        if (legs.verdict() != Verdict.AT_RISK) {
            return List.of();
        }
        List<String> evidence = Evidence.of(legs.vxlan(), legs.offload(), legs.keptOff(), legs.doubleNat());
        if (legs.offload().isOpen()) {
            return List.of(Finding.of(Code.AT_RISK, Severity.WARNING, "nothing keeps tx-checksum offload off on"
                    + " flannel.1 and " + legs.doubleNat().reading() + "; whether the offload is on now cannot be told ("
                    + legs.offload().reading() + "): affected if it is", evidence, AffectedRule.FIX)
                    .settledBy(legs.deciding()));
        }
        return List.of(Finding.of(Code.AT_RISK, Severity.WARNING,
                "tx-checksum offload is off on flannel.1 but not persisted: the delay returns after a reboot or when"
                        + " flannel.1 is re-created (" + legs.doubleNat().reading() + ")", evidence, PERSIST));
    }
}
