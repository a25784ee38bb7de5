package dev.nodefix.diagnose;

import dev.nodefix.fact.K3sEffectiveConfig;
import dev.nodefix.fact.K3sUnits;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * k3s runs no flannel ({@code flannel-backend: none} on a server), yet flannel.1 is there: flannel is deployed apart
 * from k3s (a kube-flannel DaemonSet, canal). Its backend is that deployment's to set (the {@code Backend.Type} of
 * its own net-conf.json, in its ConfigMap), not k3s's {@code flannel-backend}, so nodefix's backend switch does not
 * apply; the offload fix does, on the hosts' flannel.1 whoever made it. Every host that shows flannel.1 and a flannel
 * at work ({@code /run/flannel/subnet.env}) gets the finding, agents too (they take the servers' backend and show none
 * of their own); a bare flannel.1 may be one k3s's own flannel left when k3s was switched to none.
 */
public final class ExternalFlannelRule implements ClusterRule {
    static final String FIX = "keep flannel's backend as that deployment sets it (Backend.Type in its net-conf.json,"
            + " e.g. the kube-flannel-cfg or canal-config ConfigMap), not with k3s's flannel-backend: nodefix's"
            + " switch-backend refuses here; the offload fix (nodefix play fix-vxlan-checksum: ethtool off on"
            + " flannel.1 and its udev rule and unit) applies on the hosts as it is";

    /** A server's k3s is told {@code flannel-backend: none} (what is in force): it runs no flannel of its own. */
    static boolean k3sRunsNoFlannel(NodeFacts f) {
        K3sEffectiveConfig.Setting s = f.k3sConfig().setting(K3sEffectiveConfig.BACKEND);
        return f.k3s().role() != K3sUnits.Role.AGENT && s.state() == K3sEffectiveConfig.State.SET
                && s.value().filter("none"::equals).isPresent();
    }

    @Override
    public Map<String, List<Finding>> check(Map<String, NodeFacts> hosts) {
        List<String> servers = new ArrayList<>();
        hosts.forEach((host, f) -> {
            if (k3sRunsNoFlannel(f)) {
                servers.add(host + ": flannel-backend none" + f.k3sConfig().setting(K3sEffectiveConfig.BACKEND).from()
                        .map(p -> " (" + p.at() + ")").orElse(""));
            }
        });
        if (servers.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Finding>> out = new TreeMap<>();
        hosts.forEach((host, f) -> {
            if (f.vxlan().present() != Observed.YES || Overlay.liveFlannel(f).isEmpty()) {
                return;
            }
            List<String> evidence = new ArrayList<>(servers);
            evidence.add(host + ": flannel.1 is there" + f.vxlan().vni().map(v -> " (VXLAN id " + v + ")").orElse("")
                    + ", and /run/flannel/subnet.env" + f.subnetEnv().subnet().map(s -> " (FLANNEL_SUBNET=" + s + ")")
                    .orElse(""));
            out.put(host, List.of(Finding.of(Code.EXTERNAL_FLANNEL, Severity.INFO,
                    "k3s runs no flannel of its own (flannel-backend none), yet flannel.1 is there: flannel is deployed"
                            + " apart from k3s (a flannel DaemonSet, canal), and the fix of its backend belongs to that"
                            + " deployment, not to k3s's configuration", evidence, FIX)));
        });
        return out;
    }
}
