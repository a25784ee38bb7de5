package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import java.util.ArrayList;
import java.util.List;

/**
 * Not affected, only from positive evidence on one leg: no VXLAN; or a NAT path proven safe; or the offload off
 * and kept off. A leg the evidence cannot tell never counts; an observed symptom always wins.
 */
public final class NotAffectedRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        if (SymptomRule.observed(f)) {
            return List.of(); // the configuration looks safe, but the node shows the bug: the observation wins
        }
        Legs legs = Legs.of(f);
        if (legs.verdict() != Verdict.NOT_AFFECTED) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>();
        String why;
        if (legs.vxlan().value() == Observed.NO) {
            why = legs.vxlan().reading();
            evidence.addAll(Evidence.of(legs.vxlan()));
        } else if (legs.doubleNat().value() == Observed.NO) {
            why = legs.doubleNat().reading();
            evidence.addAll(Evidence.of(legs.vxlan(), legs.doubleNat()));
        } else {
            why = "tx-checksum offload is off on flannel.1 and a udev rule or systemd unit keeps it off";
            evidence.addAll(Evidence.of(legs.vxlan(), legs.offload(), legs.keptOff()));
        }
        evidence.add(Evidence.kernel(f));
        return List.of(Finding.of(Code.NOT_AFFECTED, Severity.INFO, "not affected: " + why, evidence, null));
    }
}
