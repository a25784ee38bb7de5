package dev.nodefix.transport.ssh;

import dev.nodefix.inventory.Connection;
import dev.nodefix.transport.SshSettings;
import java.util.Locale;

/** What to do with a host whose key is not in known_hosts. A changed key is refused under every policy. */
public enum HostKeyPolicy {
    /** Refuse unknown keys (OpenSSH {@code StrictHostKeyChecking yes}). */
    STRICT,
    /** Record unknown keys, refuse changed ones (OpenSSH {@code accept-new}). */
    ACCEPT_NEW;

    /**
     * {@code --accept-new-host-keys} or the inventory's {@code StrictHostKeyChecking=accept-new}. The
     * inventory's {@code no}/{@code off} is deliberately treated like accept-new, not like OpenSSH's "no":
     * nodefix changes nodes as root and never connects to a host whose known key changed.
     */
    public static HostKeyPolicy of(SshSettings settings, Connection connection) {
        if (settings.acceptNewHostKeys()) {
            return ACCEPT_NEW;
        }
        String inventory = connection.strictHostKeyChecking().orElse("yes").toLowerCase(Locale.ROOT);
        return switch (inventory) {
            case "accept-new", "no", "off" -> ACCEPT_NEW;
            default -> STRICT;
        };
    }
}
