package dev.nodefix.module;

import java.util.List;
import java.util.Objects;

/**
 * What a module may know about the host's place in the cluster when it declares what to read: the host's
 * name and the addresses of every other node of the inventory (for the host-gw L2 preflight).
 */
public record HostContext(String host, List<String> peers) {
    public HostContext {
        Objects.requireNonNull(host, "host");
        peers = List.copyOf(peers);
    }
}
