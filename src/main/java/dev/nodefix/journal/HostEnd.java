package dev.nodefix.journal;

/**
 * How one host ended in a run, as {@code run.json} keeps it: for a rollback, only {@link #OK} and {@link #CHANGED}
 * mean every change of the host that could be undone was undone.
 */
public enum HostEnd {
    /** Nothing to change (for a rollback: nothing left to undo). */
    OK,
    CHANGED,
    FAILED,
    UNREACHABLE,
    LOCKED,
    /** A rollback left a change alone because the node changed since (or a later run changed the same thing). */
    CONFLICT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static HostEnd of(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }

    /** For a rollback: the host has nothing of the run left to undo. */
    public boolean complete() {
        return this == OK || this == CHANGED;
    }
}
