package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.List;
import java.util.Map;

/** The places that set the flannel backend on one node name different backends (net-conf.json wins at runtime). */
public final class BackendSourcesRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        if (f.backend().consistent()) {
            return List.of();
        }
        List<String> evidence = f.backend().sources().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue()).toList();
        return List.of(Finding.of(Code.BACKEND_INCONSISTENT, Severity.WARNING,
                "the flannel backend is set differently in this node's config sources; flannel runs "
                        + f.backend().effective().orElse("unknown") + " until k3s restarts with the others",
                evidence, "set --flannel-backend in one place on the servers, identical on all of them"));
    }
}
