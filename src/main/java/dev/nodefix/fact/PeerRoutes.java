package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The node's IP and, for every peer node the collector was given, how the kernel routes to it
 * ({@code ip -o route get PEER}). A peer is on-link when the route has no gateway ({@code via}): host-gw
 * needs every node pair on-link (not the case across VPCs or routed subnets). Read from the collector's {@code ip}
 * section ({@code # peers:}, then one {@code ip -d -o -batch} run whose output holds the default route, flannel.1's
 * link and the routes, {@code -d} prefixing each with its type) or from the {@code peer-routes} section older
 * collectors printed (the default route as a {@code # default:} line).
 *
 * @param present whether the section ran ({@code ip} is there); with no peers given it is present but empty
 * @param nodeIp  the source address toward the peers, else toward the default gateway; empty when unknown
 * @param peers   in the order given; a peer the node is itself ({@code local} route) is left out
 */
public record PeerRoutes(boolean present, String nodeIp, List<PeerRoute> peers, List<String> offLink) {
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

    public static final Fact<PeerRoutes> FACT = Fact.of("ip", PeerRoutes::parse).orFrom("peer-routes");
    private static final Pattern LINK = Pattern.compile("\\d+: \\S+: <.*"); // ip -o link show: "4: flannel.1: <...>"
    private static final Set<String> ROUTE_TYPES =
            Set.of("unicast", "local", "broadcast", "multicast", "anycast", "unreachable", "prohibit", "blackhole", "throw");

    public PeerRoutes {
        Objects.requireNonNull(nodeIp, "nodeIp");
        peers = List.copyOf(peers);
        offLink = List.copyOf(offLink);
    }

    /** With {@code offLink} derived: the peers reached through a router (what a playbook asserts is empty). */
    public PeerRoutes(boolean present, String nodeIp, List<PeerRoute> peers) {
        this(present, nodeIp, peers, peers.stream().filter(p -> !p.onLink()).map(PeerRoute::peer).toList());
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
        Listing listing = Listing.of(section.lines());
        List<PeerRoute> peers = new ArrayList<>();
        String nodeIp = "";
        for (String peer : listing.asked()) {
            List<String> route = listing.routes().get(peer);
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
        Optional<String> gateway = word(listing.defaultRoute(), "via");
        if (nodeIp.isEmpty() && gateway.isPresent() && listing.routes().containsKey(gateway.get())) {
            nodeIp = word(listing.routes().get(gateway.get()), "src").orElse("");
        }
        if (nodeIp.isEmpty()) {
            nodeIp = word(listing.defaultRoute(), "src").orElse("");
        }
        return new PeerRoutes(true, nodeIp, peers);
    }

    /**
     * The section's lines sorted out: the peers asked about, the default route's words, and each route by destination
     * (words {@code type TYPE DEST ...}). Error lines and flannel.1's link line are skipped.
     */
    private record Listing(List<String> asked, List<String> defaultRoute, Map<String, List<String>> routes) {
        static Listing of(List<String> lines) {
            List<String> asked = List.of();
            List<String> defaultRoute = List.of();
            Map<String, List<String>> routes = new LinkedHashMap<>();
            for (String line : lines) {
                String l = line.strip();
                if (l.startsWith("# peers:")) {
                    String rest = l.substring("# peers:".length()).strip();
                    asked = rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
                } else if (l.startsWith("# default:")) {
                    defaultRoute = List.of(l.split("\\s+"));
                } else if (!l.isEmpty() && !l.startsWith("#") && !LINK.matcher(l).matches()) {
                    List<String> words = new ArrayList<>(Arrays.asList(l.split("\\s+")));
                    String type = ROUTE_TYPES.contains(words.get(0)) ? words.remove(0) : "unicast";
                    if (!words.isEmpty() && words.get(0).equals("default") && defaultRoute.isEmpty()) {
                        defaultRoute = words;
                    } else if (!words.isEmpty() && words.get(0).matches("[0-9a-fA-F.:]+")) {
                        words.addAll(0, List.of("type", type));
                        routes.putIfAbsent(words.get(2), words);
                    }
                }
            }
            return new Listing(asked, defaultRoute, routes);
        }
    }

    private static Optional<String> word(List<String> words, String key) {
        int i = words.indexOf(key);
        return i >= 0 && i + 1 < words.size() ? Optional.of(words.get(i + 1)) : Optional.empty();
    }
}
