package dev.nodefix.transport;

import dev.nodefix.secret.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * Privilege escalation for one command: none, or sudo to a user. Without a password sudo runs with
 * {@code -n} (fail instead of prompting); with one, the password is fed on stdin ({@code sudo -S}).
 */
public record Become(boolean enabled, String user, Optional<Secret> password) {
    public static final Become NONE = new Become(false, "root", Optional.empty());

    public Become {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isBlank()) {
            throw new IllegalArgumentException("become user is empty");
        }
    }

    public static Become sudo(String user, Optional<Secret> password) {
        return new Become(true, user, password);
    }
}
