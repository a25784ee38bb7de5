package dev.nodefix.connect;

import dev.nodefix.inventory.Sourced;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The ssh config's {@code IdentityAgent} values nodefix honours, per host as ssh does: {@code none} (no agent key is
 * offered), {@code SSH_AUTH_SOCK} in its three spellings (the agent of the environment, as without the line), and an
 * absolute socket path (the config has already expanded {@code ~}, {@code %d} and {@code ${VAR}}). Anything else
 * (the legacy {@code $VAR} form, a relative path) is refused with its line, not ignored.
 */
final class IdentityAgentChoice {
    /** OpenSSH compares the word case-sensitively: {@code None} would be a socket path. */
    static final String NONE = "none";

    private static final Set<String> ENVIRONMENT = Set.of("SSH_AUTH_SOCK", "$SSH_AUTH_SOCK", "${SSH_AUTH_SOCK}");

    private IdentityAgentChoice() {}

    /** The value when nodefix can honour it; a {@link SetupException} at its line when not. */
    static Optional<Sourced<String>> checked(Optional<Sourced<String>> agent) {
        agent.filter(a -> !a.value().equals(NONE) && !ENVIRONMENT.contains(a.value()) && !a.value().startsWith("/"))
                .ifPresent(a -> {
                    throw new SetupException(a.origin(), "IdentityAgent " + a.value() + " is not supported: nodefix"
                            + " uses the agent in $SSH_AUTH_SOCK, an absolute socket path, or none");
                });
        return agent;
    }

    /** True when the (checked) value says to use no agent. */
    static boolean none(Optional<Sourced<String>> agent) {
        return agent.map(a -> a.value().equals(NONE)).orElse(false);
    }

    /** The socket the (checked) value names instead of SSH_AUTH_SOCK's, if it names one. */
    static Optional<Path> socket(Optional<Sourced<String>> agent) {
        return agent.map(Sourced::value).filter(a -> a.startsWith("/")).map(Path::of);
    }
}
