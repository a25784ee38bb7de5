package dev.nodefix.transport.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * OpenSSH's rule for private key files: a key owned by the user running nodefix whose mode lets the group or
 * others in at all ({@code mode & 077}) is ignored, as {@code ssh} ignores it ("UNPROTECTED PRIVATE KEY FILE").
 * A key owned by someone else is not checked (OpenSSH does not either). The key is only skipped: another key
 * or the agent may still log in.
 *
 * @param currentUid the numeric user id nodefix runs as
 */
record KeyFilePermissions(int currentUid) {
    private static final Path SELF = Path.of("/proc/self");

    /** The rule for the user this JVM runs as; empty when the system does not tell (then nothing is checked). */
    static Optional<KeyFilePermissions> ofThisProcess() {
        try {
            return Optional.of(new KeyFilePermissions((Integer) Files.getAttribute(SELF, "unix:uid")));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why {@code file} must not be used, or empty when its permissions are fine (or cannot be read). */
    Optional<String> tooOpen(Path file) {
        int mode;
        int owner;
        try {
            mode = (Integer) Files.getAttribute(file, "unix:mode") & 07777;
            owner = (Integer) Files.getAttribute(file, "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (owner != currentUid || (mode & 077) == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format("ignored: permissions %04o are too open, a private key must not be"
                + " accessible by others (ssh ignores it too); fix with: chmod 600 %s", mode, file));
    }
}
