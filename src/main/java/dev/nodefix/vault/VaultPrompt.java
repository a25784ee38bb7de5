package dev.nodefix.vault;

import dev.nodefix.secret.Secret;
import java.util.Optional;

/** Asks the operator for a vault password on the terminal; empty when there is no terminal or no answer. */
@FunctionalInterface
public interface VaultPrompt {
    /** @param prompt what Ansible asks, without the {@code ": "}: {@code Vault password} or {@code Vault password (prod)} */
    Optional<Secret> ask(String prompt);
}
