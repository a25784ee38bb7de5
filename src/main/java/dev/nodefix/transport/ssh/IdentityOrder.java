package dev.nodefix.transport.ssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The order in which keys are offered, as OpenSSH's {@code pubkey_prepare} builds it: agent keys that match
 * an identity file first (in the agent's order, signed by the agent), then the agent's other keys (left out
 * under IdentitiesOnly), then the identity files the agent does not hold, in their order.
 */
final class IdentityOrder {
    /** One key to offer. */
    sealed interface Offer {
    }

    /** An agent key; {@code file} is the identity file it matched, if any. */
    record FromAgent(AgentIdentity identity, Optional<Path> file) implements Offer {
        public FromAgent {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(file, "file");
        }
    }

    /** An identity file the agent does not hold: read (and decrypted) by nodefix. */
    record FromFile(Path file) implements Offer {
        public FromFile {
            Objects.requireNonNull(file, "file");
        }
    }

    /** An identity file and its public key, when that could be read without decrypting. */
    record IdentityFile(Path file, Optional<HostKey> publicKey) {
        IdentityFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(publicKey, "publicKey");
        }
    }

    private IdentityOrder() {
    }

    static List<Offer> of(List<IdentityFile> files, List<AgentIdentity> agent, boolean identitiesOnly) {
        List<IdentityFile> remaining = new ArrayList<>(files);
        List<Offer> matched = new ArrayList<>();
        List<Offer> others = new ArrayList<>();
        for (AgentIdentity identity : agent) {
            Optional<IdentityFile> file = remaining.stream()
                    .filter(f -> f.publicKey().filter(identity.key()::equals).isPresent()).findFirst();
            file.ifPresent(remaining::remove);
            if (file.isPresent()) {
                matched.add(new FromAgent(identity, Optional.of(file.get().file())));
            } else if (!identitiesOnly) {
                others.add(new FromAgent(identity, Optional.empty()));
            }
        }
        List<Offer> offers = new ArrayList<>(matched);
        offers.addAll(others);
        remaining.forEach(f -> offers.add(new FromFile(f.file())));
        return offers;
    }
}
