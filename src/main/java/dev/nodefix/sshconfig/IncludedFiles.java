package dev.nodefix.sshconfig;

import java.util.List;
import java.util.Objects;

/** The files an {@code Include} line named (globs expanded, sorted as ssh's glob sorts), already read. */
record IncludedFiles(ConfigLine line, List<ConfigFile> files) implements ConfigEntry {
    IncludedFiles {
        Objects.requireNonNull(line, "line");
        files = List.copyOf(files);
    }
}
