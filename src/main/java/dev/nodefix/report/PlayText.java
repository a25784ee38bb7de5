package dev.nodefix.report;

import dev.nodefix.change.Change;
import dev.nodefix.executor.TaskLine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    private final boolean notes;
    private final List<String> plays;

    /** @param plays the plays' names, by index */
    public PlayText(Style style, boolean diff, boolean verbose, List<String> plays) {
        this(style, diff, verbose, plays, verbose);
    }

    /** @param notes whether each line's notes are shown (always for a rollback: what it skips and why) */
    public PlayText(Style style, boolean diff, boolean verbose, List<String> plays, boolean notes) {
        this.style = style;
        this.diff = diff;
        this.verbose = verbose;
        this.notes = notes;
        this.plays = List.copyOf(plays);
    }

    /** A plan: every host's lines grouped by play and task. */
    public void plan(PrintWriter out, String playbook, List<TaskLine> lines) {
        plan(out, playbook, lines, List.of());
    }

    /**
     * A plan, each play that goes in more than one batch saying so under its header: its batches in order, and the
     * health gate after each batch that changed a node.
     *
     * @param batches by play index, the batches of host names the run would go through (none known: empty)
     */
    public void plan(PrintWriter out, String playbook, List<TaskLine> lines, List<List<List<String>>> batches) {
        out.println("PLAN " + playbook);
        grouped(out, lines, true, true, batches);
        out.flush();
    }

    /** {@code  3 batches, a health gate after each: srv1 | srv2 | agt1, agt2}, or empty for one batch or none. */
    static Optional<String> batchLine(List<List<String>> batches) {
        if (batches.size() < 2) {
            return Optional.empty();
        }
        return Optional.of("  " + batches.size() + " batches, one after the other, a health gate after each that"
                + " changes a node: " + String.join(" | ", batches.stream().map(b -> String.join(", ",
                        b.stream().map(UntrustedText::name).toList())).toList()));
    }

    /** The lines of a run that changed nothing (the plan's own lines), grouped by play and task. */
    public void lines(PrintWriter out, List<TaskLine> lines) {
        grouped(out, lines, true, false);
        out.flush();
    }

    public void play(PrintWriter out, int play, List<List<String>> batches) {
        List<String> parts = batches.stream().map(b -> String.join(", ", b)).toList();
        out.println("PLAY [" + playName(play) + "]  " + batches.stream().mapToInt(List::size).sum() + " host(s), "
                + batches.size() + " batch(es): " + String.join(" | ", parts));
        out.flush();
    }

    public void batch(PrintWriter out, int batch, int batches, List<TaskLine> lines) {
        out.println("BATCH " + (batch + 1) + "/" + batches);
        grouped(out, lines, false, false);
        out.flush();
    }

    public void gate(PrintWriter out, List<String> hosts, Optional<String> problem) {
        out.println(GateLine.of(style, hosts, problem));
        out.flush();
    }

    public void recap(PrintWriter out, List<TaskLine> lines) {
        out.println("PLAY RECAP");
        List<PlayRecap> rows = PlayRecap.of(lines);
        int width = rows.stream().mapToInt(r -> UntrustedText.name(r.host()).length()).max().orElse(0);
        for (PlayRecap r : rows) {
            String row = (String.format("%-" + width + "s  ok=%-4d changed=%-4d unreachable=%-4d failed=%-4d skipped=%-4d"
                    + " ignored=%-4d", UntrustedText.name(r.host()), r.ok(), r.changed(), r.unreachable(), r.failed(), r.skipped(), r.ignored())
                    + (r.deferred() > 0 ? " deferred=" + r.deferred() : "")).stripTrailing();
            out.println(r.failed() > 0 ? style.failed(row) : r.unreachable() > 0 ? style.unreachable(row)
                    : r.changed() > 0 ? style.changed(row) : style.ok(row));
        }
        out.flush();
    }

    /** Lines in the order they are shown: by play, tasks before handlers, task number, host. */
    public static List<TaskLine> sorted(List<TaskLine> lines) {
        List<TaskLine> out = new ArrayList<>(lines);
        out.sort(Comparator.comparingInt(TaskLine::play).thenComparing(TaskLine::handler)
                .thenComparingInt(TaskLine::number).thenComparing(TaskLine::host));
        return out;
    }

    /**
     * One {@code TASK [title]} per task, its hosts below; a host whose title differs (it has {@code {{ }}})
     * shows its own after its line. A diff already shown for another host of the task is not repeated.
     */
    private void grouped(PrintWriter out, List<TaskLine> lines, boolean playHeaders, boolean plan) {
        grouped(out, lines, playHeaders, plan, List.of());
    }

    private void grouped(PrintWriter out, List<TaskLine> lines, boolean playHeaders, boolean plan,
                         List<List<List<String>>> batches) {
        Map<String, List<TaskLine>> byTask = new LinkedHashMap<>();
        for (TaskLine l : sorted(lines)) {
            byTask.computeIfAbsent(l.play() + "/" + l.handler() + "/" + l.number(), k -> new ArrayList<>()).add(l);
        }
        int play = -1;
        for (List<TaskLine> group : byTask.values()) {
            TaskLine first = group.get(0);
            if (playHeaders && first.play() != play) {
                play = first.play();
                out.println("PLAY [" + playName(play) + "]");
                if (play >= 0 && play < batches.size()) {
                    batchLine(batches.get(play)).ifPresent(out::println);
                }
            }
            out.println((first.handler() ? "HANDLER [" : "TASK [") + first.title() + "]");
            Map<String, String> diffs = new HashMap<>();
            group.forEach(l -> line(out, l, plan, l.title().equals(first.title()) ? "" : "  (" + l.title() + ")", diffs));
        }
    }

    private String playName(int play) {
        return play >= 0 && play < plays.size() ? plays.get(play) : "?";
    }

    private void line(PrintWriter out, TaskLine l, boolean plan, String ownTitle, Map<String, String> diffs) {
        String host = "[" + UntrustedText.name(l.host()) + "]";
        switch (l.status()) {
            case CHANGED -> changes(out, style.changed(plan ? "change" : "changed") + ": " + host, ownTitle, l, diffs);
            case OK -> out.println("  " + style.ok("ok") + ": " + host + detail(verbose, l) + ownTitle);
            case SKIPPED -> out.println("  " + style.dim("skipped") + ": " + host + detail(verbose, l) + ownTitle);
            case DEFERRED -> out.println("  " + style.dim("deferred") + ": " + host + detail(true, l) + ownTitle);
            case FAILED -> {
                if (!l.changes().isEmpty()) {
                    changes(out, style.changed("changed") + ": " + host, ownTitle, l, diffs);
                }
                out.println("  " + style.failed("failed") + ": " + host + detail(true, l)
                        + (l.ignored() ? "  " + style.dim("(ignored)") : "") + ownTitle);
            }
            case UNREACHABLE -> out.println("  " + style.unreachable("unreachable") + ": " + host + detail(true, l) + ownTitle);
        }
        if (notes) {
            l.notes().forEach(n -> out.println("      " + style.dim("note: " + n)));
        }
    }

    private static String detail(boolean show, TaskLine l) {
        return show && !l.detail().isEmpty() ? "  " + UntrustedText.name(l.detail()) : "";
    }

    /** One change: on the host's line; several: one per line below it. Each with its diff under --diff. */
    private void changes(PrintWriter out, String head, String ownTitle, TaskLine l, Map<String, String> diffs) {
        if (l.changes().size() <= 1) {
            out.println("  " + head + (l.changes().isEmpty() ? "" : "  " + l.changes().get(0).describe()) + ownTitle);
            l.changes().forEach(c -> diff(out, c, l.host(), diffs));
            return;
        }
        out.println("  " + head + ownTitle);
        for (Change c : l.changes()) {
            out.println("    " + c.describe());
            diff(out, c, l.host(), diffs);
        }
    }

    private void diff(PrintWriter out, Change c, String host, Map<String, String> diffs) {
        if (!diff) {
            return;
        }
        c.diff().ifPresent(d -> {
            String shownFor = diffs.putIfAbsent(d, host);
            if (shownFor != null) {
                out.println("      " + style.dim("(same diff as [" + shownFor + "])"));
            } else {
                d.lines().forEach(x -> out.println("      " + x));
            }
        });
    }
}
