package dev.nodefix.report;

import dev.nodefix.change.Change;
import dev.nodefix.play.TaskLine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Text of a playbook run, Ansible-like: lines grouped by play and task ({@code TASK [name]} then one line per
 * host: ok, changed, skipped, deferred, failed, unreachable), diffs under changes with {@code --diff}, no-op
 * reasons with {@code -v}, batch and health-gate lines, and a PLAY RECAP. Plans print the same way, with
 * {@code change} for what a run would change.
 */
public final class PlayText {
    private final Style style;
    private final boolean diff;
    private final boolean verbose;
    private final List<String> plays;

    /** @param plays the plays' names, by index */
    public PlayText(Style style, boolean diff, boolean verbose, List<String> plays) {
        this.style = style;
        this.diff = diff;
        this.verbose = verbose;
        this.plays = List.copyOf(plays);
    }

    /** A plan: every host's lines grouped by play and task. */
    public void plan(PrintWriter out, String playbook, List<TaskLine> lines) {
        out.println("PLAN " + playbook);
        grouped(out, lines, true, true);
        out.flush();
    }

    /** The lines of a run that changed nothing (the plan's own lines), grouped by play and task. */
    public void lines(PrintWriter out, List<TaskLine> lines) {
        grouped(out, lines, true, false);
        out.flush();
    }

    public void play(PrintWriter out, int play, List<List<String>> batches) {
        List<String> parts = batches.stream().map(b -> String.join(", ", b)).toList();
        out.println("PLAY [" + plays.get(play) + "]  " + batches.stream().mapToInt(List::size).sum() + " host(s), "
                + batches.size() + " batch(es): " + String.join(" | ", parts));
        out.flush();
    }

    public void batch(PrintWriter out, int batch, int batches, List<TaskLine> lines) {
        out.println("BATCH " + (batch + 1) + "/" + batches);
        grouped(out, lines, false, false);
        out.flush();
    }

    public void gate(PrintWriter out, List<String> hosts, Optional<String> problem) {
        out.println("GATE  " + (problem.isEmpty() ? style.ok("healthy") + "  k3s active and node Ready: "
                + String.join(", ", hosts) : style.failed("failed") + "  " + problem.get()));
        out.flush();
    }

    public void recap(PrintWriter out, List<TaskLine> lines) {
        out.println("PLAY RECAP");
        List<PlayRecap> rows = PlayRecap.of(lines);
        int width = rows.stream().mapToInt(r -> r.host().length()).max().orElse(0);
        for (PlayRecap r : rows) {
            String name = String.format("%-" + width + "s", r.host());
            String row = name + "  ok=" + r.ok() + "  changed=" + r.changed() + "  unreachable=" + r.unreachable()
                    + "  failed=" + r.failed() + "  skipped=" + r.skipped() + "  ignored=" + r.ignored()
                    + (r.deferred() > 0 ? "  deferred=" + r.deferred() : "");
            out.println(r.failed() > 0 ? style.failed(row) : r.unreachable() > 0 ? style.unreachable(row)
                    : r.changed() > 0 ? style.changed(row) : style.ok(row));
        }
        out.flush();
    }

    private void grouped(PrintWriter out, List<TaskLine> lines, boolean playHeaders, boolean plan) {
        Map<String, List<TaskLine>> byTask = new LinkedHashMap<>();
        List<TaskLine> sorted = new ArrayList<>(lines);
        sorted.sort(java.util.Comparator.comparingInt(TaskLine::play).thenComparing(TaskLine::handler)
                .thenComparingInt(TaskLine::number));
        for (TaskLine l : sorted) {
            byTask.computeIfAbsent(l.play() + "/" + l.number() + "/" + l.title(), k -> new ArrayList<>()).add(l);
        }
        int play = -1;
        for (List<TaskLine> group : byTask.values()) {
            TaskLine first = group.get(0);
            if (playHeaders && first.play() != play) {
                play = first.play();
                out.println("PLAY [" + (play < plays.size() ? plays.get(play) : "?") + "]");
            }
            out.println((first.handler() ? "HANDLER [" : "TASK [") + first.title() + "]");
            group.forEach(l -> line(out, l, plan));
        }
    }

    private void line(PrintWriter out, TaskLine l, boolean plan) {
        String host = "[" + l.host() + "]";
        switch (l.status()) {
            case CHANGED -> {
                String label = plan ? "change" : "changed";
                if (l.changes().isEmpty()) {
                    out.println("  " + style.changed(label) + ": " + host);
                }
                for (Change c : l.changes()) {
                    out.println("  " + style.changed(label) + ": " + host + "  " + c.describe());
                    if (diff) {
                        c.diff().ifPresent(d -> d.lines().forEach(x -> out.println("      " + x)));
                    }
                }
            }
            case OK -> out.println("  " + style.ok("ok") + ": " + host + (verbose && !l.detail().isEmpty()
                    ? "  " + l.detail() : ""));
            case SKIPPED -> out.println("  " + style.dim("skipped") + ": " + host + (verbose ? "  " + l.detail() : ""));
            case DEFERRED -> out.println("  " + style.dim("deferred") + ": " + host + "  " + l.detail());
            case FAILED -> {
                l.changes().forEach(c -> out.println("  " + style.changed("changed") + ": " + host + "  " + c.describe()));
                out.println("  " + style.failed("failed") + ": " + host + "  " + l.detail()
                        + (l.ignored() ? "  " + style.dim("(ignored)") : ""));
            }
            case UNREACHABLE -> out.println("  " + style.unreachable("unreachable") + ": " + host + "  " + l.detail());
        }
        if (verbose) {
            l.notes().forEach(n -> out.println("      " + style.dim(n)));
        }
    }
}
