package dev.nodefix.module;

import dev.nodefix.change.Change;
import java.util.List;
import java.util.Objects;

/** What a module decided for one node: nothing to do (and why), these changes, or a refusal with the reason. */
public sealed interface Plan permits Plan.NoOp, Plan.Changes, Plan.Refused {
    record NoOp(String reason) implements Plan {
        public NoOp {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Changes(List<Change> changes) implements Plan {
        public Changes {
            changes = List.copyOf(changes);
            if (changes.isEmpty()) {
                throw new IllegalArgumentException("a Changes plan needs at least one change; use NoOp");
            }
        }
    }

    /** The module will not do this on this node (a {@code [fixed]} feature, a backend flag on an agent, ...). */
    record Refused(String reason) implements Plan {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static Plan of(List<Change> changes, String noOpReason) {
        return changes.isEmpty() ? new NoOp(noOpReason) : new Changes(changes);
    }

    default List<Change> changeList() {
        return this instanceof Changes c ? c.changes() : List.of();
    }
}
