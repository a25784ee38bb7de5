package dev.nodefix.transport.ssh;

import dev.nodefix.inventory.Host;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportFactory;

/** sshj-backed transports. Placeholder. */
public final class SshTransportFactory implements TransportFactory {
    private final SshSettings settings;

    public SshTransportFactory(SshSettings settings) {
        this.settings = settings;
    }

    @Override
    public Transport connect(Host host) {
        throw new UnsupportedOperationException("not implemented: " + settings);
    }
}
