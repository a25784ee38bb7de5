package dev.nodefix.journal;

import java.util.List;
import java.util.Objects;

/**
 * What the run store holds: the runs it can read, oldest first, and those whose {@code run.json} it cannot, each
 * with the reason (one damaged run never hides the others).
 */
public record StoredRuns(List<RunMeta> runs, List<Unreadable> unreadable) {
    /** A run directory whose metadata cannot be read. */
    public record Unreadable(String id, String reason) {
        public Unreadable {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public StoredRuns {
        runs = List.copyOf(runs);
        unreadable = List.copyOf(unreadable);
    }
}
