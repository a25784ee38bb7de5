package dev.nodefix.vault;

import dev.nodefix.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code --vault-password-file} or {@code --vault-id} source path, which becomes a {@link PasswordScript} when
 * the file has any execute bit (Ansible's {@code is_executable}) and a {@link PasswordFile} otherwise. Decided
 * when the password is first needed, so a missing file nobody needs is no error.
 *
 * @param label the vault id before the {@code @}, handed to a client script as {@code --vault-id}
 */
record PasswordPath(Path file, Optional<String> label) implements PasswordSource {
    private static final Set<PosixFilePermission> EXECUTE = EnumSet.of(PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

    @Override
    public Secret load() {
        if (!Files.exists(file)) {
            throw new VaultException(VaultException.Reason.PASSWORD_UNAVAILABLE,
                    "the vault password file " + file + " was not found");
        }
        return (executable() ? new PasswordScript(file, label, isClient(file)) : new PasswordFile(file)).load();
    }

    private boolean executable() {
        try {
            return Files.getPosixFilePermissions(file).stream().anyMatch(EXECUTE::contains);
        } catch (IOException | UnsupportedOperationException e) {
            return Files.isExecutable(file);
        }
    }

    /** Ansible's {@code script_is_client}: the name without its last extension ends in {@code -client}. */
    static boolean isClient(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 && name.substring(0, dot).chars().anyMatch(c -> c != '.') ? name.substring(0, dot) : name;
        return stem.endsWith("-client");
    }
}
