package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.PeerRoutes.PeerRoute;
import java.util.List;

/**
 * Some peer is reached through a gateway, so host-gw (which routes pod traffic to the peer's node IP as next hop)
 * cannot work: the cross-VPC case. Critical when host-gw is already the backend.
 */
public final class HostGwImpossibleRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        List<PeerRoute> offLink = f.peerRoutes().peers().stream().filter(p -> !p.onLink()).toList();
        if (!f.peerRoutes().present() || offLink.isEmpty()) {
            return List.of();
        }
        boolean hostGw = f.backend().effective().map("host-gw"::equals).orElse(false);
        List<String> evidence = offLink.stream().map(HostGwImpossibleRule::route).toList();
        String message = "host-gw is impossible: " + offLink.size() + " peer(s) not on-link (no layer-2 adjacency)"
                + (hostGw ? "; host-gw is the backend, so pod traffic to them is dropped" : "");
        String fix = hostGw ? "switch back to vxlan and disable the checksum offload (nodefix play fix-vxlan-checksum)"
                : "keep vxlan; do not switch to host-gw";
        return List.of(Finding.of(Code.HOST_GW_IMPOSSIBLE, hostGw ? Severity.CRITICAL : Severity.WARNING, message,
                evidence, fix));
    }

    private static String route(PeerRoute p) {
        return "ip route get " + p.peer() + ": " + p.via().map(v -> "via " + v + " dev " + p.dev())
                .orElse(p.dev().isEmpty() ? "no route" : "dev " + p.dev() + " (not unicast)");
    }
}
