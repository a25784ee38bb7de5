package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Nodes run different flannel backends: pods across them cannot talk (k3s PR 5011). */
public final class BackendAcrossNodesRule implements ClusterRule {
    @Override
    public Map<String, List<Finding>> check(Map<String, NodeFacts> hosts) {
        Map<String, String> backends = new TreeMap<>();
        hosts.forEach((host, f) -> f.backend().effective().ifPresent(b -> backends.put(host, b)));
        if (new TreeSet<>(backends.values()).size() <= 1) {
            return Map.of();
        }
        List<String> evidence = backends.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
        Finding finding = Finding.of(Code.BACKEND_INCONSISTENT, Severity.CRITICAL,
                "nodes run different flannel backends: pods on different backends cannot reach each other",
                evidence, "set one --flannel-backend on every server, restart the servers, then reboot every agent"
                        + " (or delete flannel.1 and its routes) and check net-conf.json on each node");
        Map<String, List<Finding>> out = new TreeMap<>();
        backends.keySet().forEach(host -> out.put(host, List.of(finding)));
        return out;
    }
}
