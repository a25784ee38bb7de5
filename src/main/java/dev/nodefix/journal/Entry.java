package dev.nodefix.journal;

import dev.nodefix.change.Change;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One journal line. A change is journaled write-ahead: {@link Intent} (with the whole change, before-image
 * included) is on disk before the change is applied, then {@link Done} or {@link Failed}. An intent without
 * either means the run stopped in between: the change may or may not have landed.
 */
public sealed interface Entry permits Entry.Started, Entry.Intent, Entry.Done, Entry.Failed, Entry.Unchanged {
    /** First line of a run's journal on a node. */
    record Started(String run, RunKind kind, Optional<String> rollbackOf, Instant at) implements Entry {
        public Started {
            RunId.check(run);
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(rollbackOf, "rollbackOf");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * @param seq      the change's number within the run on this host, from 1
     * @param task     the task's number within the run, from 1 (changes of one task are undone together)
     * @param taskName the task as the user named it
     * @param undoes   for a rollback run: the run and seq of the change this one undoes
     */
    record Intent(int seq, int task, String taskName, Change change, Optional<String> undoes) implements Entry {
        public Intent {
            Objects.requireNonNull(taskName, "taskName");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(undoes, "undoes");
        }
    }

    record Done(int seq) implements Entry {
    }

    /** After {@link Done}: the change ran but changed nothing (a command's {@code changed_when} was false). */
    record Unchanged(int seq) implements Entry {
    }

    /** @param error what went wrong ({@code exit 1: ...}) */
    record Failed(int seq, String error) implements Entry {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
