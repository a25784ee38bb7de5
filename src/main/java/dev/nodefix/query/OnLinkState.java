package dev.nodefix.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per peer address, the route this node uses to reach it: on-link (no gateway) or not, with the route line
 * as evidence. A peer with no route line counts as not on-link.
 */
public record OnLinkState(Map<String, String> routes) {
    public OnLinkState {
        routes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    }

    static OnLinkState parse(List<String> peers, String output) {
        Map<String, String> routes = new LinkedHashMap<>();
        peers.forEach(p -> routes.put(p, ""));
        for (String line : output.lines().toList()) {
            int space = line.indexOf(' ');
            if (space > 0 && routes.containsKey(line.substring(0, space))) {
                routes.put(line.substring(0, space), line.substring(space + 1).strip());
            }
        }
        return new OnLinkState(routes);
    }

    public static boolean onLink(String route) {
        return !route.isEmpty() && !route.contains(" via ") && !route.startsWith("via ")
                && !route.contains("unreachable") && !route.startsWith("RTNETLINK") && !route.contains("Error");
    }

    /** The peers not reached directly, with their route lines. */
    public Map<String, String> notOnLink() {
        Map<String, String> out = new LinkedHashMap<>();
        routes.forEach((peer, route) -> {
            if (!onLink(route)) {
                out.put(peer, route.isEmpty() ? "no route" : route);
            }
        });
        return out;
    }
}
