package dev.nodefix.executor;

import dev.nodefix.change.Change;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one task (or handler) did, or would do, on one host of a playbook run.
 *
 * @param play 0-based index of the play in the playbook
 * @param number the task's number in the whole playbook (1-based; the journal groups changes by it)
 * @param title the task's name with its {@code {{ }}} filled in for this host
 * @param ignored a failure that {@code ignore_errors} let pass
 * @param detail the no-op reason, the skip condition, the failure; empty for a plain change
 * @param changes applied (CHANGED), applied before a failure (FAILED), or planned (a plan's CHANGED)
 */
public record TaskLine(int play, int number, String title, String host, Status status, boolean ignored,
                       boolean handler, String detail, List<Change> changes, List<String> notes) {
    /**
     * DEFERRED only in a plan: a task decided when the run gets there, after the changes planned ahead of it (a
     * check those changes may decide, or a task that reads a register not known before the run).
     */
    public enum Status {
        OK, CHANGED, SKIPPED, DEFERRED, FAILED, UNREACHABLE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TaskLine {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    /** A failure that stops the host (not ignored). */
    public boolean failing() {
        return (status == Status.FAILED || status == Status.UNREACHABLE) && !ignored;
    }
}
