package dev.nodefix.executor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A playbook run: every task line of every host (those that were not changed keep their plan's lines), and
 * why the run stopped early, if it did.
 *
 * @param stopped why no further batch ran (failures above max_fail_percentage, any_errors_fatal, health gate)
 * @param failedBatch the hosts of the batch that stopped the run (what {@code --rollback-on-failure} undoes)
 */
public record PlaybookResult(List<TaskLine> lines, Optional<String> stopped, List<String> failedBatch) {
    public PlaybookResult {
        lines = List.copyOf(lines);
        Objects.requireNonNull(stopped, "stopped");
        failedBatch = List.copyOf(failedBatch);
    }

    public boolean anyFailed() {
        return stopped.isPresent()
                || lines.stream().anyMatch(l -> l.status() == TaskLine.Status.FAILED && !l.ignored());
    }

    public boolean anyUnreachable() {
        return lines.stream().anyMatch(l -> l.status() == TaskLine.Status.UNREACHABLE);
    }
}
