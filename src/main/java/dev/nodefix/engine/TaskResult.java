package dev.nodefix.engine;

import dev.nodefix.change.Change;
import java.util.List;
import java.util.Objects;

/**
 * What happened to one task on one host.
 *
 * @param detail the no-op reason, refusal, failure or drift description; empty for a plain change
 * @param changes the changes applied (CHANGED), or applied before the failure (FAILED)
 * @param output what the last change's command printed and returned (a playbook's {@code register} reads it)
 */
public record TaskResult(int task, String name, Outcome outcome, String detail, List<Change> changes,
                         List<String> notes, java.util.Optional<dev.nodefix.transport.CommandResult> output) {
    public enum Outcome {
        OK, CHANGED, FAILED, REFUSED, DRIFT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public TaskResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        Objects.requireNonNull(output, "output");
    }

    public TaskResult(int task, String name, Outcome outcome, String detail, List<Change> changes, List<String> notes) {
        this(task, name, outcome, detail, changes, notes, java.util.Optional.empty());
    }

    public boolean failed() {
        return outcome == Outcome.FAILED || outcome == Outcome.REFUSED || outcome == Outcome.DRIFT;
    }
}
