package dev.nodefix.sshconfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** One ssh config file as read: its lines and includes in order; {@code user} is ssh's "user config" flag. */
record ConfigFile(Path path, boolean user, List<ConfigEntry> entries) {
    ConfigFile {
        Objects.requireNonNull(path, "path");
        entries = List.copyOf(entries);
    }
}
