package dev.nodefix.vault;

import dev.nodefix.inventory.Location;
import java.util.Optional;

/**
 * A vaulted value that could not be decrypted, or a vault password that could not be had. Carries where the
 * vaulted value was written (absent only for a password source failing outside any decryption) and why.
 * The message never carries a password or plaintext.
 */
public final class VaultException extends RuntimeException {
    /** Why decryption failed. */
    public enum Reason {
        /** No --vault-password-file, --vault-id, --ask-vault-pass or ANSIBLE_VAULT_PASSWORD_FILE was given. */
        NO_PASSWORD,
        /** A password file, script or prompt gave nothing usable. */
        PASSWORD_UNAVAILABLE,
        /** Passwords were given, but none passed the envelope's HMAC check (wrong password or tampered data). */
        NO_SECRET_DECRYPTS,
        /** The text is not a well-formed {@code $ANSIBLE_VAULT} envelope. */
        MALFORMED,
        /** The envelope names a cipher other than AES256. */
        UNSUPPORTED_CIPHER
    }

    private final transient Location location;
    private final Reason reason;

    public VaultException(Location location, Reason reason, String message) {
        super(location == null ? message : location + ": " + message);
        this.location = location;
        this.reason = reason;
    }

    public VaultException(Reason reason, String message) {
        this(null, reason, message);
    }

    /** This failure placed at a vaulted value's location, unless it already has one. */
    VaultException at(Location where) {
        return location != null ? this : new VaultException(where, reason, getMessage());
    }

    public Optional<Location> location() {
        return Optional.ofNullable(location);
    }

    public Reason reason() {
        return reason;
    }
}
