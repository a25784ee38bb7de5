package dev.nodefix.vault;

import dev.nodefix.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A vault password read from a non-executable file, as Ansible's {@code FileVaultSecret} reads it: the whole
 * file with surrounding whitespace (so the trailing newline) removed. A password file that is itself
 * vault-encrypted is refused: nodefix does not decrypt password files with earlier passwords as Ansible does.
 */
record PasswordFile(Path file) implements PasswordSource {
    @Override
    public Secret load() {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new VaultException(VaultException.Reason.PASSWORD_UNAVAILABLE,
                    "could not read vault password file " + file + ": " + e.getMessage());
        }
        if (PasswordBytes.startsWith(raw, Envelope.HEADER)) {
            throw new VaultException(VaultException.Reason.PASSWORD_UNAVAILABLE, "vault password file " + file
                    + " is itself vault-encrypted; nodefix does not decrypt password files (Ansible does)");
        }
        return PasswordBytes.secret(raw, PasswordBytes.WHITESPACE,
                "Invalid vault password was provided from file (" + file + ")");
    }
}
