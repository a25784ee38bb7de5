package dev.nodefix.transport.ssh;

import dev.nodefix.transport.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/** What nodefix offers a server, in order: the loadable keys, then the login password if one was given. */
record Credentials(List<KeyRing.LoadedKey> keys, Optional<Secret> password) {
    Credentials {
        keys = List.copyOf(keys);
    }

    boolean usable() {
        return password.isPresent() || keys.stream().anyMatch(k -> k.provider().isPresent());
    }

    List<AuthMethod> methods() {
        List<AuthMethod> methods = new ArrayList<>();
        keys.forEach(k -> k.provider().ifPresent(p -> methods.add(new AuthPublickey(p))));
        password.ifPresent(p -> methods.add(new AuthPassword(new FixedPassword(p))));
        return methods;
    }

    /** {@code publickey (/k1, /k2 (not found)), password} - never a secret. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!keys.isEmpty()) {
            parts.add("publickey (" + String.join(", ", keys.stream().map(KeyRing.LoadedKey::describe).toList()) + ")");
        } else {
            parts.add("no key files");
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
