package dev.nodefix.engine;

import java.util.List;
import java.util.Objects;

/**
 * One host's share of a run: its tasks' results, and how the host ended.
 *
 * @param message why the host stopped early (unreachable, locked by another run, connection lost); empty otherwise
 */
public record HostResult(String host, Status status, List<TaskResult> tasks, String message) {
    public enum Status {
        OK, CHANGED, FAILED, UNREACHABLE, LOCKED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public HostResult {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(status, "status");
        tasks = List.copyOf(tasks);
        Objects.requireNonNull(message, "message");
    }

    public static HostResult of(String host, List<TaskResult> tasks) {
        Status status = tasks.stream().anyMatch(TaskResult::failed) ? Status.FAILED
                : tasks.stream().anyMatch(t -> t.outcome() == TaskResult.Outcome.CHANGED) ? Status.CHANGED : Status.OK;
        return new HostResult(host, status, tasks, "");
    }

    public int changedCount() {
        return tasks.stream().mapToInt(t -> t.changes().size()).sum();
    }
}
