package dev.nodefix.diagnose;

import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.NodeFacts;
import java.util.ArrayList;
import java.util.List;

/** The finding of a host no verdict rule could judge: what was missing. */
final class Undetermined {
    private Undetermined() {}

    static Finding of(NodeFacts f) {
        List<String> evidence = new ArrayList<>(List.of(Evidence.backend(f), Evidence.offload(f)));
        NatPath nat = CombinedNatPath.of(f, NatPath.of(f));
        evidence.add("NAT path: " + nat.reason());
        evidence.addAll(nat.evidence());
        return Finding.of(Code.UNDETERMINED, Severity.WARNING,
                "cannot tell: the facts do not show the backend, the offload state or the NAT path clearly",
                evidence, "check k3s is running and iptables, ethtool and ip are installed; run as root (--become)");
    }

    static Finding unreachable(HostFacts.NotCollected n) {
        return Finding.of(Code.UNREACHABLE, Severity.WARNING, "no facts: host " + n.status() + ": " + n.message(),
                List.of(), "make the host reachable over SSH, or capture `nodefix collect-script` output on it"
                        + " and use --from");
    }
}
