package dev.nodefix.connect;

import dev.nodefix.inventory.Sourced;
import java.util.Optional;
import java.util.Set;

/**
 * The ssh config's {@code IdentityAgent} values nodefix honours: {@code none} (that host is offered no agent key)
 * and {@code SSH_AUTH_SOCK} in its three spellings (the agent of the environment, as without the line). A socket
 * path is refused with its line, not ignored: nodefix talks to the one agent of {@code SSH_AUTH_SOCK}.
 */
final class IdentityAgentChoice {
    /** OpenSSH compares the word case-sensitively: {@code None} would be a socket path. */
    static final String NONE = "none";

    private static final Set<String> ENVIRONMENT = Set.of("SSH_AUTH_SOCK", "$SSH_AUTH_SOCK", "${SSH_AUTH_SOCK}");

    private IdentityAgentChoice() {}

    /** The value when nodefix can honour it; a {@link SetupException} at its line when not. */
    static Optional<Sourced<String>> checked(Optional<Sourced<String>> agent) {
        agent.filter(a -> !a.value().equals(NONE) && !ENVIRONMENT.contains(a.value())).ifPresent(a -> {
            throw new SetupException(a.origin(), "IdentityAgent " + a.value() + " is not supported: nodefix uses the"
                    + " agent in $SSH_AUTH_SOCK (write IdentityAgent none, or unset SSH_AUTH_SOCK, to use no agent)");
        });
        return agent;
    }

    /** True when the (checked) value says to use no agent. */
    static boolean none(Optional<Sourced<String>> agent) {
        return agent.map(a -> a.value().equals(NONE)).orElse(false);
    }
}
