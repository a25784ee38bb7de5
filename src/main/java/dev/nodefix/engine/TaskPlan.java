package dev.nodefix.engine;

import dev.nodefix.module.Plan;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A task's plan on one host, with what the journal and the user need beside the changes.
 *
 * @param undoes for rollback tasks: per change, the {@code RUN#SEQ} it undoes; empty entries otherwise
 * @param notes  lines to show under the plan (rollback: skipped, conflicting or irreversible changes)
 */
public record TaskPlan(Plan plan, List<Optional<String>> undoes, List<String> notes) {
    public TaskPlan {
        Objects.requireNonNull(plan, "plan");
        undoes = List.copyOf(undoes);
        notes = List.copyOf(notes);
        if (undoes.size() != plan.changeList().size()) {
            throw new IllegalArgumentException("one undoes entry per change");
        }
    }

    public static TaskPlan of(Plan plan) {
        return new TaskPlan(plan, Collections.nCopies(plan.changeList().size(), Optional.empty()), List.of());
    }
}
