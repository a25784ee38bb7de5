package dev.nodefix.journal;

import dev.nodefix.change.Change;
import java.util.Objects;
import java.util.Optional;

/** What rollback does with one recorded change, and why. */
public record RollbackStep(Recorded original, Action action, Optional<Change> inverse, String reason) {
    public enum Action {
        /** Apply the inverse. */
        UNDO,
        /** Nothing to undo (never landed, already undone, failed, or a trigger of a task where nothing was undone). */
        SKIP,
        /** The state is neither before nor after: changed by hand since; left alone unless forced. */
        CONFLICT,
        /** The change has no inverse (a command without undo). */
        IRREVERSIBLE,
        /** The change is still running on the node (its run died, its process did not): nothing is undone under it. */
        IN_FLIGHT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public RollbackStep {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(inverse, "inverse");
        Objects.requireNonNull(reason, "reason");
        if (action == Action.UNDO && inverse.isEmpty()) {
            throw new IllegalArgumentException("an UNDO step needs an inverse");
        }
    }
}
