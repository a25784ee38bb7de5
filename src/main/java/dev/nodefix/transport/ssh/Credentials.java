package dev.nodefix.transport.ssh;

import dev.nodefix.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * What nodefix offers a server, in order: the keys (agent and files, in OpenSSH's order), then the login
 * password if one was given. {@code agentProblem} says why an ssh-agent named by SSH_AUTH_SOCK was not used;
 * {@code withheld} counts the agent keys IdentitiesOnly kept back (they match no identity file).
 */
record Credentials(List<OfferedKey> keys, Optional<String> agentProblem, int withheld, Optional<Secret> password) {
    Credentials {
        keys = List.copyOf(keys);
        Objects.requireNonNull(agentProblem, "agentProblem");
        Objects.requireNonNull(password, "password");
    }

    boolean usable() {
        return password.isPresent() || keys.stream().anyMatch(k -> k.method().isPresent());
    }

    List<AuthMethod> methods() {
        List<AuthMethod> methods = new ArrayList<>();
        keys.forEach(k -> k.method().ifPresent(methods::add));
        password.ifPresent(p -> methods.add(new AuthPassword(new FixedPassword(p))));
        return methods;
    }

    /** {@code publickey (agent key ..., /k1, /k2 (not found)), password} - never a secret. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!keys.isEmpty()) {
            parts.add("publickey (" + String.join(", ", keys.stream().map(OfferedKey::describe).toList()) + ")");
        } else {
            parts.add("no key files");
        }
        agentProblem.ifPresent(parts::add);
        if (withheld > 0) {
            parts.add(withheld + " ssh-agent key" + (withheld == 1 ? "" : "s")
                    + " not offered (IdentitiesOnly: matching no identity file)");
        }
        parts.add(password.isPresent() ? "password" : "no password (NODEFIX_SSH_PASSWORD unset)");
        return String.join(", ", parts);
    }

    private record FixedPassword(Secret secret) implements PasswordFinder {
        @Override
        public char[] reqPassword(Resource<?> resource) {
            return secret.reveal();
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }
    }
}
