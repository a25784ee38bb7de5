package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The node's IP and, for every peer node the collector was given, how the kernel routes to it
 * ({@code ip -o route get PEER}). A peer is on-link when the route has no gateway ({@code via}): host-gw
 * needs every node pair on-link (DOMAIN.md §3, the cross-VPC case).
 *
 * @param present whether the section ran ({@code ip} is there); with no peers given it is present but empty
 * @param nodeIp  the source address toward the peers, else toward the default gateway; empty when unknown
 * @param peers   in the order given; a peer the node is itself ({@code local} route) is left out
 */
public record PeerRoutes(boolean present, String nodeIp, List<PeerRoute> peers) {
    /**
     * @param onLink the kernel reaches the peer without a gateway (false too when there is no route at all)
     * @param dev    the outgoing device; empty when there is no route
     */
    public record PeerRoute(String peer, boolean onLink, Optional<String> via, String dev) {
        public PeerRoute {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(via, "via");
            Objects.requireNonNull(dev, "dev");
        }
    }

    public static final Fact<PeerRoutes> FACT = Fact.of("peer-routes", PeerRoutes::parse);
    private static final Set<String> ROUTE_TYPES =
            Set.of("unicast", "local", "broadcast", "multicast", "anycast", "unreachable", "prohibit", "blackhole", "throw");

    public PeerRoutes {
        Objects.requireNonNull(nodeIp, "nodeIp");
        peers = List.copyOf(peers);
    }

    public static PeerRoutes absent() {
        return new PeerRoutes(false, "", List.of());
    }

    /** Every peer is on-link (vacuously true with no peers). */
    public boolean allOnLink() {
        return peers.stream().allMatch(PeerRoute::onLink);
    }

    static PeerRoutes parse(Section section) {
        if (section.status() != Section.Status.RAN) {
            return absent();
        }
        List<String> asked = List.of();
        List<String> defaultRoute = List.of();
        Map<String, List<String>> routes = new LinkedHashMap<>(); // destination -> words of its route
        for (String line : section.lines()) {
            String l = line.strip();
            if (l.startsWith("# peers:")) {
                String rest = l.substring("# peers:".length()).strip();
                asked = rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
            } else if (l.startsWith("# default:")) {
                defaultRoute = List.of(l.split("\\s+"));
            } else if (!l.isEmpty() && !l.startsWith("#")) {
                List<String> words = new ArrayList<>(Arrays.asList(l.split("\\s+")));
                String type = ROUTE_TYPES.contains(words.get(0)) ? words.remove(0) : "unicast";
                if (!words.isEmpty() && words.get(0).matches("[0-9a-fA-F.:]+")) {
                    words.add(0, "type");
                    words.add(1, type);
                    routes.putIfAbsent(words.get(2), words);
                }
            }
        }
        List<PeerRoute> peers = new ArrayList<>();
        String nodeIp = "";
        for (String peer : asked) {
            List<String> route = routes.get(peer);
            if (route == null) {
                peers.add(new PeerRoute(peer, false, Optional.empty(), ""));
                continue;
            }
            String type = route.get(1);
            if (type.equals("local")) {
                continue;
            }
            Optional<String> via = word(route, "via");
            boolean reachable = type.equals("unicast");
            peers.add(new PeerRoute(peer, reachable && via.isEmpty(), via, word(route, "dev").orElse("")));
            if (nodeIp.isEmpty() && reachable) {
                nodeIp = word(route, "src").orElse("");
            }
        }
        Optional<String> gateway = word(defaultRoute, "via");
        if (nodeIp.isEmpty() && gateway.isPresent() && routes.containsKey(gateway.get())) {
            nodeIp = word(routes.get(gateway.get()), "src").orElse("");
        }
        if (nodeIp.isEmpty()) {
            nodeIp = word(defaultRoute, "src").orElse("");
        }
        return new PeerRoutes(true, nodeIp, peers);
    }

    private static Optional<String> word(List<String> words, String key) {
        int i = words.indexOf(key);
        return i >= 0 && i + 1 < words.size() ? Optional.of(words.get(i + 1)) : Optional.empty();
    }
}
