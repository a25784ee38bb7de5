package dev.nodefix.journal;

import java.util.Objects;
import java.util.Optional;

/** A journal entry with the host it belongs to (the controller's journal holds every host's entries). */
public record HostEntry(Optional<String> host, Entry entry) {
    public HostEntry {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(entry, "entry");
    }
}
