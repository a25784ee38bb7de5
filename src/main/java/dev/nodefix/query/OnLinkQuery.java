package dev.nodefix.query;

import dev.nodefix.transport.Command;
import java.util.List;

/**
 * The L2 preflight for host-gw: for each peer node address, the route this node would use
 * ({@code ip -o route get}); a peer reached through a gateway ({@code via}) is not on-link.
 */
public record OnLinkQuery(List<String> peers) implements Query {
    public OnLinkQuery {
        peers = List.copyOf(peers);
    }

    @Override
    public String script() {
        StringBuilder s = new StringBuilder();
        for (String peer : peers) {
            String p = Command.quote(peer);
            s.append("printf '%s ' ").append(p).append("; ip -o route get ").append(p).append(" 2>&1 | head -n 1\n");
        }
        return s.append("true").toString();
    }

    @Override
    public OnLinkState parse(String output, int exitCode) {
        return OnLinkState.parse(peers, output);
    }
}
