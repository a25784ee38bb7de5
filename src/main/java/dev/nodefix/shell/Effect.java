package dev.nodefix.shell;

import java.util.Objects;

/** What running a CLI command means for the session besides its output. */
public sealed interface Effect {
    /** Looks only: nothing to remember. */
    record Reads() implements Effect {
    }

    /**
     * Collects facts: the output is kept under {@code key} (the target it was collected for) and shown again
     * for the same key until {@code refresh} or a change.
     */
    record Facts(String key, boolean refresh) implements Effect {
        public Facts {
            Objects.requireNonNull(key, "key");
        }
    }

    /** May change nodes: cached facts are dropped; {@code records} keeps the run ids it prints for {@code undo}. */
    record Changes(boolean records) implements Effect {
    }

    /** Rolls back {@code run}, one of this shell's: once that succeeds, {@code undo} offers the run before it. */
    record Undoes(String run) implements Effect {
        public Undoes {
            Objects.requireNonNull(run, "run");
        }
    }
}
