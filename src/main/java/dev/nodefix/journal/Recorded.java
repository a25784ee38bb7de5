package dev.nodefix.journal;

import dev.nodefix.change.Change;
import java.util.Objects;
import java.util.Optional;

/**
 * One change as a journal recorded it on one host, with how far it got.
 *
 * @param undoes for a change made by a rollback: {@code RUN#SEQ} of the change it undid
 */
public record Recorded(int seq, int task, String taskName, Change change, Status status, Optional<String> undoes) {
    public enum Status {
        /** Applied and confirmed. */
        DONE,
        /** Its command failed; it may have partly happened. */
        FAILED,
        /** Ran, and changed nothing (a command's changed_when was false): nothing to undo. */
        UNCHANGED,
        /** Intent written, no outcome: the run stopped (node or controller dropped) in between. */
        UNFINISHED,
        /** Intent written, no outcome, and the process applying it still runs on the node: it may land any moment. */
        RUNNING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The same change with another status. */
    public Recorded with(Status other) {
        return new Recorded(seq, task, taskName, change, other, undoes);
    }

    public Recorded {
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(undoes, "undoes");
    }
}
