package dev.nodefix.sshconfig;

import dev.nodefix.inventory.Location;
import java.util.Optional;

/**
 * An OpenSSH client configuration nodefix cannot read the way {@code ssh} would: a syntax or value error
 * (as {@code ssh} reports it), or a feature nodefix refuses by name. The message starts with {@code file:line:col}.
 */
public final class SshConfigException extends RuntimeException {
    private final transient Location location;

    public SshConfigException(Location location, String message) {
        super(location == null ? message : location + ": " + message);
        this.location = location;
    }

    public Optional<Location> location() {
        return Optional.ofNullable(location);
    }
}
