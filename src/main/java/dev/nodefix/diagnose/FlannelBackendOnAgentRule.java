package dev.nodefix.diagnose;

import dev.nodefix.fact.K3sUnits;
import dev.nodefix.fact.NodeFacts;
import java.util.List;
import java.util.Map;

/**
 * An agent told {@code flannel-backend}: k3s agents reject it ({@code flag provided but not defined:
 * -flannel-backend}); the backend comes from the servers.
 */
public final class FlannelBackendOnAgentRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        if (f.k3s().role() != K3sUnits.Role.AGENT) {
            return List.of();
        }
        List<String> evidence = f.backend().sources().entrySet().stream()
                .filter(e -> !e.getKey().equals("net-conf.json") && !e.getKey().equals("k3s journal")).sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": flannel-backend " + e.getValue()).toList();
        if (evidence.isEmpty()) {
            return List.of();
        }
        return List.of(Finding.of(Code.FLANNEL_BACKEND_ON_AGENT, Severity.WARNING,
                "flannel-backend is set on an agent: k3s agents reject it (flag provided but not defined:"
                        + " -flannel-backend), the servers decide the backend",
                evidence, "remove flannel-backend from the agent; set it on every server"));
    }
}
