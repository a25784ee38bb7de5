package dev.nodefix.ansiblecfg;

import dev.nodefix.inventory.Location;
import java.util.Objects;

/** One {@code key = value} of an INI file: the value as configparser returns it raw, and where its key is. */
public record IniEntry(String value, Location location) {
    public IniEntry {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
