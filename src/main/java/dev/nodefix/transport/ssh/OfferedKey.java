package dev.nodefix.transport.ssh;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;

/** One public key nodefix offers a server: held by ssh-agent, or read from a key file. */
sealed interface OfferedKey {
    /** The sshj method, or empty when this key cannot be used (the reason is in {@link #describe}). */
    Optional<AuthMethod> method();

    /** For failure messages; never a secret. */
    String describe();

    /** A key the agent holds (signed by the agent); {@code file} is the identity file it stands for, if any. */
    record AgentKey(Agent agent, AgentIdentity identity, Optional<Path> file) implements OfferedKey {
        public AgentKey {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(file, "file");
        }

        public Optional<AuthMethod> method() {
            try {
                return Optional.of(AgentAuth.of(agent, identity));
            } catch (GeneralSecurityException e) {
                return Optional.empty();
            }
        }

        public String describe() {
            String what = identity.describe() + file.map(f -> " for " + f).orElse("");
            return method().isPresent() ? what : what + " (unsupported key type)";
        }
    }

    /** A key file nodefix read itself. */
    record FileKey(KeyRing.LoadedKey key) implements OfferedKey {
        public FileKey {
            Objects.requireNonNull(key, "key");
        }

        public Optional<AuthMethod> method() {
            return key.provider().map(AuthPublickey::new);
        }

        public String describe() {
            return key.describe();
        }
    }
}
