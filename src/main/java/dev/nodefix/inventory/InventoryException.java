package dev.nodefix.inventory;

import java.util.Optional;

/** Bad inventory input or a --limit that selects nothing. The message never carries a stack trace to users. */
public final class InventoryException extends RuntimeException {
    private final transient Location location;

    public InventoryException(Location location, String message) {
        super(location == null ? message : location + ": " + message);
        this.location = location;
    }

    public InventoryException(String message) {
        this(null, message);
    }

    public Optional<Location> location() {
        return Optional.ofNullable(location);
    }
}
