package dev.nodefix.diagnose;

import dev.nodefix.fact.KubePostrouting;
import dev.nodefix.fact.NodeFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the one remediation: the checksum fix normally; the host-gw switch only when every node pair is on-link
 * and the offload cannot (a {@code [fixed]} feature) or will not ({@code keepOffload}) be turned off; upgrade
 * advice whenever kube-proxy or flannel lack their fix.
 */
public record RemediationPolicy(boolean keepOffload) {
    static final String UPGRADE_KUBE = "upgrade k3s to a release whose kube-proxy clears mark 0x4000 before"
            + " masquerading (Kubernetes >= 1.16.13, 1.17.9, 1.18.6 or 1.19), then the offload fix can be dropped";
    static final String UPGRADE_FLANNEL = "upgrade k3s to a release with flannel >= v0.20.2 (FLANNEL-POSTRTG mark guard)";

    public Remediation choose(Verdict cluster, List<HostDiagnosis> hosts, Map<String, NodeFacts> facts) {
        return switch (cluster) {
            case AFFECTED, AT_RISK -> fix(hosts, facts);
            case NOT_AFFECTED -> new Remediation("none", Optional.empty(), List.of(),
                    "no host is affected or at risk", Optional.empty());
            case UNKNOWN -> new Remediation("investigate", Optional.empty(), hostsWith(hosts, Verdict.UNKNOWN),
                    "some hosts could not be judged: reach them (or pass their captured collector output with --from)"
                            + " and diagnose again", upgrade(facts));
        };
    }

    private Remediation fix(List<HostDiagnosis> hosts, Map<String, NodeFacts> facts) {
        List<String> targets = new ArrayList<>(hostsWith(hosts, Verdict.AFFECTED));
        targets.addAll(hostsWith(hosts, Verdict.AT_RISK));
        targets.sort(null);
        boolean cannotDisable = targets.stream().map(facts::get).anyMatch(RemediationPolicy::offloadFixed);
        if (!keepOffload && !cannotDisable) {
            return new Remediation("fix-vxlan-checksum", Optional.of(Remediation.FIX_PLAYBOOK), targets,
                    "turn tx-checksum-ip-generic off on flannel.1 and persist it with a udev rule on the affected"
                            + " and at-risk hosts", upgrade(facts));
        }
        String why = cannotDisable ? "the offload is [fixed] on some host" : "the offload is to be kept";
        if (allOnLink(hosts, facts) && facts.values().stream().anyMatch(ExternalFlannelRule::k3sRunsNoFlannel)) {
            return new Remediation("switch-external-flannel", Optional.empty(),
                    hosts.stream().map(HostDiagnosis::host).sorted().toList(),
                    why + " and every node pair is on-link, but k3s runs no flannel (flannel-backend none): switch the"
                            + " separately deployed flannel to host-gw in its own net-conf.json (Backend.Type), not with"
                            + " k3s's flannel-backend", upgrade(facts));
        }
        if (allOnLink(hosts, facts)) {
            return new Remediation("switch-backend-host-gw", Optional.of(Remediation.HOST_GW_PLAYBOOK),
                    hosts.stream().map(HostDiagnosis::host).sorted().toList(),
                    why + " and every node pair is on-link: switch every node to host-gw", upgrade(facts));
        }
        return new Remediation("upgrade", Optional.empty(), targets, why + " and host-gw is impossible (some node"
                + " pair is not on-link, or not every node was checked): upgrade is the only fix",
                upgrade(facts).or(() -> Optional.of(UPGRADE_KUBE)));
    }

    private static boolean offloadFixed(NodeFacts f) {
        return f != null && f.offload().txChecksumIpGeneric().map(t -> t.on() && t.fixed()).orElse(false);
    }

    private static boolean allOnLink(List<HostDiagnosis> hosts, Map<String, NodeFacts> facts) {
        return hosts.stream().allMatch(h -> facts.containsKey(h.host()) && facts.get(h.host()).peerRoutes().present()
                && facts.get(h.host()).peerRoutes().allOnLink());
    }

    private static Optional<String> upgrade(Map<String, NodeFacts> facts) {
        List<String> advice = new ArrayList<>();
        if (facts.values().stream().anyMatch(f -> f.kubePostrouting().form() == KubePostrouting.Form.UNFIXED)) {
            advice.add(UPGRADE_KUBE);
        }
        if (facts.values().stream().anyMatch(RemediationPolicy::flannelDoubleNat)) {
            advice.add(UPGRADE_FLANNEL);
        }
        return advice.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", advice));
    }

    /** flannel's unguarded FLANNEL-POSTRTG is shown to masquerade first: an unreadable chain is no reason to upgrade. */
    private static boolean flannelDoubleNat(NodeFacts f) {
        NatPath path = NatPath.of(f);
        return path.kind() == NatPath.Kind.DOUBLE_NAT && path.reason().startsWith("FLANNEL-POSTRTG");
    }

    private static List<String> hostsWith(List<HostDiagnosis> hosts, Verdict verdict) {
        return hosts.stream().filter(h -> h.verdict() == verdict).map(HostDiagnosis::host).sorted().toList();
    }
}
