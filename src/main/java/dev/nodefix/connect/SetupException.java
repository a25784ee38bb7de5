package dev.nodefix.connect;

import dev.nodefix.inventory.Location;
import java.util.Optional;

/** A connection setting nodefix cannot honour (ProxyCommand, several jump hops, ...), named where it was set. */
public final class SetupException extends RuntimeException {
    private final transient Location location;

    public SetupException(Location location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public Optional<Location> location() {
        return Optional.ofNullable(location);
    }
}
