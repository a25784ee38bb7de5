package dev.nodefix.inventory;

import java.util.Optional;

/** Bad inventory input or a --limit that selects nothing. The message never carries a stack trace to users. */
public final class InventoryException extends RuntimeException {
    private final transient Location location;
    private final boolean selectedNothing;

    public InventoryException(Location location, String message) {
        this(location, message, false);
    }

    private InventoryException(Location location, String message, boolean selectedNothing) {
        super(location == null ? message : location + ": " + message);
        this.location = location;
        this.selectedNothing = selectedNothing;
    }

    public InventoryException(String message) {
        this(null, message);
    }

    /** A host pattern that is well formed but matches no host or group (Ansible warns and skips a play). */
    static InventoryException selectsNothing(String message) {
        return new InventoryException(null, message, true);
    }

    /** Whether this is {@link #selectsNothing}: the pattern was read and simply matched nothing. */
    public boolean selectedNothing() {
        return selectedNothing;
    }

    public Optional<Location> location() {
        return Optional.ofNullable(location);
    }
}
