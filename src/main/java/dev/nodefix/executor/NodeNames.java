package dev.nodefix.executor;

import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.NodeName;
import dev.nodefix.inventory.Host;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each host's Kubernetes node name for one run, learned from the node's own facts: from the facts a play gathered,
 * else read once when the health gate first needs it. A node's name does not change while nodefix runs.
 */
final class NodeNames {
    private final Map<String, NodeName> known = new ConcurrentHashMap<>();

    void learn(Host host, NodeFacts facts) {
        known.put(host.name(), facts.nodeName());
    }

    /** The host's node name, reading its facts with {@code read} the first time. */
    NodeName of(Host host, Supplier<NodeFacts> read) {
        NodeName name = known.get(host.name());
        if (name == null) {
            name = read.get().nodeName();
            known.put(host.name(), name);
        }
        return name;
    }
}
