package dev.nodefix.transport;

import dev.nodefix.secret.Secret;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Secrets from the NODEFIX_* environment variables, read from a map the caller passes (the composition
 * root hands in {@code System.getenv()}), then from an optional fallback such as a console prompt. An empty
 * variable counts as unset. Values are kept as {@link Secret}s and never printed.
 */
public final class EnvironmentSecrets implements SecretSource {
    private final Map<Kind, Secret> values = new EnumMap<>(Kind.class);
    private final SecretSource fallback;

    public EnvironmentSecrets(Map<String, String> env) {
        this(env, (kind, subject) -> Optional.empty());
    }

    public EnvironmentSecrets(Map<String, String> env, SecretSource fallback) {
        Objects.requireNonNull(env, "env");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        for (Kind kind : Kind.values()) {
            String value = env.get(variable(kind));
            if (value != null && !value.isEmpty()) {
                values.put(kind, Secret.of(value));
            }
        }
    }

    /** The environment variable for a kind of secret. */
    public static String variable(Kind kind) {
        return switch (kind) {
            case LOGIN_PASSWORD -> "NODEFIX_SSH_PASSWORD";
            case KEY_PASSPHRASE -> "NODEFIX_KEY_PASSPHRASE";
            case BECOME_PASSWORD -> "NODEFIX_BECOME_PASSWORD";
            case VAULT_PASSWORD -> "NODEFIX_VAULT_PASSWORD";
        };
    }

    @Override
    public Optional<Secret> get(Kind kind, String subject) {
        Secret value = values.get(kind);
        return value != null ? Optional.of(value) : fallback.get(kind, subject);
    }

    /** Which variables are set, never their values. */
    @Override
    public String toString() {
        return "EnvironmentSecrets" + values.keySet().stream().map(EnvironmentSecrets::variable).sorted().toList();
    }
}
