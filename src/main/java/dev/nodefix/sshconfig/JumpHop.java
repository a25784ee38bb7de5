package dev.nodefix.sshconfig;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One hop of a {@code ProxyJump} list, {@code [ssh://][user@]host[:port]}; an absent user or port is decided by
 * the hop's own ssh config (as {@code ssh -J} does), not by the target's.
 */
public record JumpHop(Optional<String> user, String host, OptionalInt port) {
    public JumpHop {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
    }

    /** As ssh prints a hop: {@code user@host:port}, an IPv6 address in brackets. */
    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return user.map(u -> u + "@").orElse("") + h + (port.isPresent() ? ":" + port.getAsInt() : "");
    }
}
