package dev.nodefix.report;

import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.PeerRoutes;
import dev.nodefix.fact.PeerRoutes.PeerRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How each node reaches each other node at layer 3, from the {@code ip route get PEER} lines the collector read
 * on it: on-link (no gateway: host-gw can route pod traffic to the peer's node IP) or through a router (host-gw
 * cannot). Columns are the hosts, found by the node IP each reported; a peer address that is no host's is a column
 * of its own.
 *
 * @param rows    the hosts, sorted, each with its node IP (empty when unknown)
 * @param columns the hosts, then the peer addresses that are no host's
 */
record AdjacencyMatrix(List<Node> rows, List<Node> columns, Map<String, Map<String, Cell>> cells) {
    /** A host (or a bare peer address) and its node IP. */
    record Node(String name, String ip, boolean host) {}

    /** One direction of one pair. */
    sealed interface Cell {
        /** The node itself. */
        record Self() implements Cell {}

        /** The node's facts hold no route to this peer: not collected, the peer not asked about, or no facts. */
        record NotAsked(String why) implements Cell {}

        /** The kernel's route to the peer: on-link, via a gateway, or none. */
        record Route(PeerRoute route) implements Cell {}
    }

    AdjacencyMatrix {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        cells = Map.copyOf(cells);
    }

    static AdjacencyMatrix of(List<HostFacts> hosts) {
        List<HostFacts> sorted = hosts.stream().sorted(java.util.Comparator.comparing(HostFacts::host)).toList();
        Map<String, String> hostByIp = new LinkedHashMap<>();
        List<Node> rows = new ArrayList<>();
        for (HostFacts h : sorted) {
            String ip = routes(h).map(PeerRoutes::nodeIp).orElse("");
            rows.add(new Node(h.host(), ip, true));
            if (!ip.isEmpty()) {
                hostByIp.putIfAbsent(ip, h.host());
            }
        }
        List<Node> columns = new ArrayList<>(rows);
        for (HostFacts h : sorted) {
            routes(h).ifPresent(r -> r.peers().stream().map(PeerRoute::peer)
                    .filter(p -> !hostByIp.containsKey(p) && columns.stream().noneMatch(c -> c.name().equals(p)))
                    .forEach(p -> columns.add(new Node(p, p, false))));
        }
        Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
        for (HostFacts h : sorted) {
            Map<String, Cell> row = new LinkedHashMap<>();
            Optional<PeerRoutes> routes = routes(h);
            for (Node column : columns) {
                if (column.host() && column.name().equals(h.host())) {
                    row.put(column.name(), new Cell.Self());
                    continue;
                }
                Optional<PeerRoute> route = routes.flatMap(r -> r.peers().stream()
                        .filter(p -> column.ip().equals(p.peer())).findFirst());
                row.put(column.name(), route.<Cell>map(Cell.Route::new).orElseGet(() -> new Cell.NotAsked(
                        h instanceof HostFacts.NotCollected ? "no facts from this host"
                                : routes.isEmpty() ? "ip routes not collected"
                                : column.ip().isEmpty() ? "the peer's node IP is unknown" : "peer not asked about")));
            }
            cells.put(h.host(), row);
        }
        return new AdjacencyMatrix(rows, columns, cells);
    }

    Cell cell(String row, String column) {
        return cells.get(row).get(column);
    }

    /** Every route the matrix holds. */
    List<PeerRoute> routes() {
        return cells.values().stream().flatMap(r -> r.values().stream()).filter(Cell.Route.class::isInstance)
                .map(c -> ((Cell.Route) c).route()).toList();
    }

    private static Optional<PeerRoutes> routes(HostFacts h) {
        return h instanceof HostFacts.Collected c && c.facts().peerRoutes().present()
                ? Optional.of(c.facts().peerRoutes()) : Optional.empty();
    }
}
