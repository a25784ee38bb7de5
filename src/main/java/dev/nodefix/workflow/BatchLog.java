package dev.nodefix.workflow;

import dev.nodefix.executor.PlayEvents;
import dev.nodefix.executor.TaskLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The run's events passed on to the report, and the batches the run changed its hosts in, in order (for
 * {@code run.json}: its rollback rolls in the same order): each batch's hosts that changed something there and in
 * no batch before (a play that only checks, like a preflight, does not count).
 */
final class BatchLog implements PlayEvents {
    private final PlayEvents report;
    private final List<List<String>> applied = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    BatchLog(PlayEvents report) {
        this.report = report;
    }

    List<List<String>> batches() {
        return List.copyOf(applied);
    }

    @Override
    public void play(int play, String name, List<List<String>> batches) {
        report.play(play, name, batches);
    }

    @Override
    public void hostDone(String host, boolean ok) {
        report.hostDone(host, ok);
    }

    @Override
    public void batch(int play, int batch, List<TaskLine> lines) {
        List<String> changed = lines.stream().filter(l -> l.status() == TaskLine.Status.CHANGED
                        || l.status() == TaskLine.Status.FAILED && !l.changes().isEmpty())
                .map(TaskLine::host).distinct().filter(seen::add).toList();
        if (!changed.isEmpty()) {
            applied.add(changed);
        }
        report.batch(play, batch, lines);
    }

    @Override
    public void gate(int play, int batch, List<String> hosts, Optional<String> problem) {
        report.gate(play, batch, hosts, problem);
    }
}
