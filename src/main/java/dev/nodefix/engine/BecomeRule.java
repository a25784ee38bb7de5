package dev.nodefix.engine;

import dev.nodefix.inventory.Host;
import dev.nodefix.secret.Secret;
import dev.nodefix.transport.Become;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides privilege escalation per host: the command line can switch it on for every host, the
 * inventory ({@code ansible_become}) per host or group; the user comes from the command line, else
 * {@code ansible_become_user}, else root. The sudo password: the host's own (a vaulted
 * {@code ansible_become_password} in its inventory, as Ansible lets it override the prompt), else the one
 * from {@code -K} or the environment.
 */
public record BecomeRule(boolean force, Optional<String> user, Optional<Secret> password,
        Function<Host, Optional<Secret>> hostPasswords) {
    public BecomeRule {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(hostPasswords, "hostPasswords");
    }

    /** A rule with one sudo password (or none) for every host. */
    public BecomeRule(boolean force, Optional<String> user, Optional<Secret> password) {
        this(force, user, password, host -> Optional.empty());
    }

    public static BecomeRule none() {
        return new BecomeRule(false, Optional.empty(), Optional.empty());
    }

    /** The same rule, on for every host (a playbook task with {@code become: true}). */
    public BecomeRule forced() {
        return new BecomeRule(true, user, password, hostPasswords);
    }

    public Become forHost(Host host) {
        if (!force && !host.connection().become()) {
            return Become.NONE;
        }
        String who = user.or(() -> host.connection().becomeUser()).orElse("root");
        return Become.sudo(who, hostPasswords.apply(host).or(() -> password));
    }
}
