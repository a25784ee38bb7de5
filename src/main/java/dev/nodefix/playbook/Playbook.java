package dev.nodefix.playbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A validated playbook: its plays in file order. Built by {@link PlaybookLoader}, which checked everything. */
public record Playbook(Path file, List<Play> plays) {
    public Playbook {
        Objects.requireNonNull(file, "file");
        plays = List.copyOf(plays);
    }

    /** The model as indented text: what was understood from the file (golden-tested). */
    public String describe() {
        return PlaybookOutline.of(this);
    }
}
