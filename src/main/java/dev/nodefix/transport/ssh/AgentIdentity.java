package dev.nodefix.transport.ssh;

import java.util.Objects;

/** One key an ssh-agent holds: its public key and the comment it was added with (often the file name). */
record AgentIdentity(HostKey key, String comment) {
    AgentIdentity {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(comment, "comment");
    }

    /** {@code agent key ssh-ed25519 SHA256:... (comment)}. */
    String describe() {
        return "agent key " + key.describe() + (comment.isBlank() ? "" : " (" + comment + ")");
    }
}
