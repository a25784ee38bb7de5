package dev.nodefix.inventory;

import java.util.Objects;
import java.util.Optional;

/** A jump (bastion) host, as in OpenSSH's {@code ProxyJump [user@]host[:port]}. */
public record Jump(Optional<String> user, String host, int port) {
    public Jump {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("jump host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("jump port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return user.map(u -> u + "@").orElse("") + shown + (port == 22 ? "" : ":" + port);
    }
}
