package dev.nodefix.vault;

import java.util.Objects;

/**
 * One vault password with the vault id it answers to ({@code default} unless a {@code --vault-id LABEL@...}
 * named one): Ansible's {@code (vault_id, VaultSecret)} pair.
 */
record VaultIdentity(String id, PasswordSource source) {
    VaultIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }
}
