package dev.nodefix.cli;

import dev.nodefix.executor.PlayEvents;
import dev.nodefix.executor.TaskLine;
import dev.nodefix.report.PlayText;
import dev.nodefix.report.Progress;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * The printing side of a playbook run: a progress line on a terminal, and (unless the output is JSON) each play,
 * batch and health gate as it ends.
 */
final class RunEvents implements PlayEvents {
    private final PlayText text;
    private final PrintWriter out;
    private final boolean json;
    private final Progress progress;
    private int batches;
    private final List<List<String>> applied = new java.util.ArrayList<>();
    private final java.util.Set<String> seen = new java.util.HashSet<>();

    RunEvents(PlayText text, PrintWriter out, boolean json, Progress progress) {
        this.text = text;
        this.out = out;
        this.json = json;
        this.progress = progress;
    }

    @Override
    public void play(int play, String name, List<List<String>> b) {
        batches = b.size();
        if (!json) {
            progress.clear();
            text.play(out, play, b);
        }
    }

    /**
     * The batches the run changed its hosts in, in order: each batch's hosts that changed something there and in
     * no batch before (a play that only checks, like a preflight, does not count).
     */
    List<List<String>> batches() {
        return List.copyOf(applied);
    }

    /** A gate wait that goes on: a line on stderr, never in JSON output. */
    @Override
    public void gateWaiting(String what, java.time.Duration waited, java.time.Duration limit) {
        if (!json) {
            progress.note(dev.nodefix.report.WaitLine.of(what, waited, limit));
        }
    }

    @Override
    public void hostDone(String host, boolean ok) {
        progress.done(ok, true);
    }

    @Override
    public void batch(int play, int batch, List<TaskLine> lines) {
        List<String> changed = lines.stream().filter(l -> l.status() == TaskLine.Status.CHANGED
                        || l.status() == TaskLine.Status.FAILED && !l.changes().isEmpty())
                .map(TaskLine::host).distinct().filter(seen::add).toList();
        if (!changed.isEmpty()) {
            applied.add(changed);
        }
        progress.clear();
        if (!json) {
            text.batch(out, batch, batches, lines);
        }
    }

    @Override
    public void gate(int play, int batch, List<String> hosts, Optional<String> problem) {
        progress.clear();
        if (!json) {
            text.gate(out, hosts, problem);
        }
    }
}
