package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Not affected, and why: no VXLAN; or no double-NAT path; or offload off and persisted. */
public final class NotAffectedRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        if (SymptomRule.observed(f)) {
            return List.of(); // the configuration looks safe, but the node shows the bug: the observation wins
        }
        return reason(f).map(why -> List.of(Finding.of(Code.NOT_AFFECTED, Severity.INFO, "not affected: " + why,
                evidence(f), null))).orElse(List.of());
    }

    private static Optional<String> reason(NodeFacts f) {
        Optional<String> backend = f.backend().effective();
        if (backend.isPresent() && !Overlay.vxlan(f)) {
            return Optional.of("flannel backend " + backend.get() + " does not use the VXLAN device");
        }
        if (!Overlay.vxlan(f)) {
            return Optional.empty();
        }
        NatPath nat = CombinedNatPath.of(f, NatPath.of(f));
        if (nat.kind() == NatPath.Kind.SAFE) {
            return Optional.of(nat.reason());
        }
        if (!Overlay.offloadOn(f).orElse(true) && f.persistence().installed()) {
            return Optional.of("tx-checksum offload is off on flannel.1 and a udev rule or systemd unit keeps it off");
        }
        return Optional.empty();
    }

    private static List<String> evidence(NodeFacts f) {
        List<String> evidence = new ArrayList<>(List.of(Evidence.backend(f)));
        if (Overlay.vxlan(f)) {
            evidence.add(Evidence.offload(f));
            evidence.add(Evidence.persistence(f));
            evidence.addAll(CombinedNatPath.of(f, NatPath.of(f)).evidence());
        }
        evidence.add(Evidence.kernel(f));
        return evidence;
    }
}
