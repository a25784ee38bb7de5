package dev.nodefix.engine;

import dev.nodefix.inventory.Host;
import dev.nodefix.transport.Become;
import dev.nodefix.transport.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides privilege escalation per host: the command line can switch it on for every host, the
 * inventory ({@code ansible_become}) per host or group; the user comes from the command line, else
 * {@code ansible_become_user}, else root.
 */
public record BecomeRule(boolean force, Optional<String> user, Optional<Secret> password) {
    public BecomeRule {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    public static BecomeRule none() {
        return new BecomeRule(false, Optional.empty(), Optional.empty());
    }

    public Become forHost(Host host) {
        if (!force && !host.connection().become()) {
            return Become.NONE;
        }
        String who = user.or(() -> host.connection().becomeUser()).orElse("root");
        return Become.sudo(who, password);
    }
}
