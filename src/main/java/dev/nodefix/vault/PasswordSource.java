package dev.nodefix.vault;

import dev.nodefix.secret.Secret;

/**
 * Where one vault password comes from: a file, an executable script, or the terminal. Nothing is read, run
 * or asked until {@link #load()}; a vault password nobody needs is never fetched.
 */
sealed interface PasswordSource permits PasswordPath, PasswordFile, PasswordScript, PasswordPrompt {
    /** Reads, runs or asks; throws {@link VaultException} with reason PASSWORD_UNAVAILABLE when that gives nothing. */
    Secret load();
}
