package dev.nodefix.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A jump (bastion) host, as in OpenSSH's {@code ProxyJump [user@]host[:port]}, with what the jump host's own ssh
 * config adds once merged (ssh reaches a jump host with a separate {@code ssh [-l user] [-p port] host}, which
 * reads the config for the jump host's name, not the node's options).
 *
 * @param user          the login name on the jump host; empty: the local user (as the separate ssh would)
 * @param identityFiles the jump host's own IdentityFile lines; empty: the node's keys are offered
 * @param identityAgent the jump host's own IdentityAgent socket, used instead of SSH_AUTH_SOCK's
 * @param noAgent       the jump host's own config says {@code IdentityAgent none}
 */
public record Jump(Optional<String> user, String host, int port, List<Path> identityFiles,
                   Optional<Path> identityAgent, boolean noAgent) {
    public Jump {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        identityFiles = List.copyOf(identityFiles);
        Objects.requireNonNull(identityAgent, "identityAgent");
        if (host.isBlank()) {
            throw new IllegalArgumentException("jump host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("jump port out of range: " + port);
        }
    }

    /** A jump host as written, nothing merged from its own ssh config. */
    public Jump(Optional<String> user, String host, int port) {
        this(user, host, port, List.of(), Optional.empty(), false);
    }

    @Override
    public String toString() {
        String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return user.map(u -> u + "@").orElse("") + shown + (port == 22 ? "" : ":" + port);
    }
}
