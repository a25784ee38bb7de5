package dev.nodefix.inventory;

import dev.nodefix.vault.Vaulted;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decrypts a {@link Vaulted} value at the moment nodefix needs it, with the function the caller gave
 * the parser; without one, needing a vaulted value is an error at its location naming what it is.
 */
final class VaultOpener {
    private final Optional<Function<Vaulted, String>> unvault;

    VaultOpener(Optional<Function<Vaulted, String>> unvault) {
        this.unvault = unvault;
    }

    /** The plain text of {@code value}, which holds {@code what} (a variable or a file name). */
    String open(Vaulted value, String what) {
        return unvault.orElseThrow(() -> new InventoryException(value.location(),
                what + " is vaulted; give --vault-password-file or --ask-vault-pass")).apply(value);
    }
}
