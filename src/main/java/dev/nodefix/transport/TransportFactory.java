package dev.nodefix.transport;

import dev.nodefix.inventory.Host;

/** Opens connections. The composition root decides which implementation (sshj, or a test double). */
public interface TransportFactory {
    /**
     * Connects and authenticates to a host.
     *
     * @throws TransportException classified: host key, auth, timeout, refused, DNS, ...
     */
    Transport connect(Host host);
}
