package dev.nodefix.ansiblecfg;

import dev.nodefix.inventory.Location;

/**
 * An ansible.cfg that cannot be used: a line configparser would refuse, a value of the wrong type, or a
 * setting nodefix does not support (a become method other than sudo). Always names where the input was.
 */
public final class AnsibleConfigException extends RuntimeException {
    private final transient Location location;

    public AnsibleConfigException(Location location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    /** Where the offending input is: {@code file:line:col}, or an environment variable's name. */
    public Location location() {
        return location;
    }
}
