package dev.nodefix.executor;

import dev.nodefix.fact.NodeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code k3s kubectl get nodes --no-headers} says of a batch's nodes, each looked up by its Kubernetes
 * name (not its inventory name): all Ready; some listed but not Ready yet (worth waiting for); or some not listed
 * at all, which waiting will not mend (k3s keeps a node's object while its service restarts), so the gate says at
 * once which name it looked for, where that name came from, and the names k3s lists.
 */
sealed interface NodeReadiness {
    /** Every node is listed and Ready (cordoned included). */
    record Ready() implements NodeReadiness {}

    /** @param why each listed node that is not Ready, with its status */
    record Waiting(String why) implements NodeReadiness {}

    /** @param why each node k3s does not list, with the name looked for and where it came from */
    record Missing(String why) implements NodeReadiness {}

    /** An inventory host and the node name it is looked up by. */
    record Wanted(String host, NodeName name) {
        /** The name looked for: the node's own; the inventory name only when the node told none. */
        String lookup() {
            return name.name().orElse(host);
        }

        String source() {
            return name.name().isPresent() ? name.source() : "the inventory name, as the node told none: " + name.source();
        }

        String label() {
            return lookup().equals(host) ? host : host + " (node " + lookup() + ")";
        }
    }

    static NodeReadiness of(List<Wanted> nodes, String table) {
        Map<String, String> status = statuses(table);
        List<String> missing = new ArrayList<>();
        List<String> notReady = new ArrayList<>();
        for (Wanted w : nodes) {
            String s = status.get(w.lookup());
            if (s == null) {
                missing.add(w.host() + ": no Kubernetes node named '" + w.lookup() + "' (from " + w.source() + ")");
            } else if (!ready(s)) {
                notReady.add(w.label() + " " + s);
            }
        }
        if (!missing.isEmpty()) {
            String listed = status.isEmpty() ? "none" : String.join(", ", status.keySet());
            return new Missing(String.join("; ", missing) + "; k3s lists: " + listed);
        }
        return notReady.isEmpty() ? new Ready() : new Waiting(String.join(", ", notReady));
    }

    /** {@code Ready}, also when cordoned ({@code Ready,SchedulingDisabled}): the node's network is up. */
    static boolean ready(String status) {
        return status != null && status.split(",")[0].equals("Ready");
    }

    /**
     * NAME STATUS from {@code kubectl get nodes --no-headers} lines, in the order listed; a header line, if the
     * kubectl printed one anyway, is left out (a node name is lower-case: none is {@code NAME}).
     */
    static Map<String, String> statuses(String table) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : table.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 2 && !cols[0].equals("NAME")) {
                out.put(cols[0], cols[1]);
            }
        }
        return out;
    }
}
