package dev.nodefix.report;

import dev.nodefix.executor.PlayEvents;
import dev.nodefix.executor.PlaybookPlan;
import dev.nodefix.executor.PlaybookResult;
import dev.nodefix.executor.TaskLine;
import dev.nodefix.workflow.Listener;
import dev.nodefix.workflow.Retry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * The report of a changing run as the workflow goes: a progress line on a terminal while hosts are planned and
 * applied; in text the plan, each play, batch and health gate as it ends, the recap and the run to roll back; in
 * JSON one document on stdout at the end (the plan, when shown, and the run's lines go to stderr).
 */
public final class ChangeReport implements Listener {
    private final PlayText text;
    private final boolean json;
    private final boolean yes;
    private final List<String> plays;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean live;
    private Progress progress;

    /**
     * @param plays the plays' names, by index
     * @param notes whether each line's notes are shown without -v (a rollback's skips and conflicts)
     * @param yes whether the run applies without asking (under JSON the plan is then not shown)
     * @param terminal whether stderr is a terminal (progress lines)
     */
    public ChangeReport(Style style, boolean diff, boolean verbose, boolean notes, List<String> plays, boolean json,
                        boolean yes, PrintWriter out, PrintWriter err, boolean terminal) {
        this.text = new PlayText(style, diff, verbose, plays, notes);
        this.json = json;
        this.yes = yes;
        this.plays = List.copyOf(plays);
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.live = terminal && style == Style.COLOR;
        this.progress = new Progress(err, 0, false);
    }

    /** Where lines beside the JSON document go. */
    private PrintWriter side() {
        return json ? err : out;
    }

    @Override
    public PlayEvents planning(int hosts) {
        progress = new Progress(err, hosts, terminal, live);
        return new PlayEvents() {
            @Override
            public void hostDone(String host, boolean ok) {
                progress.done(ok, true);
            }

            /** A wait_for read while the plan is made: a line on stderr, never in JSON output. */
            @Override
            public void waiting(String what, java.time.Duration waited, java.time.Duration limit) {
                tell(WaitLine.of(what, waited, limit));
            }
        };
    }

    @Override
    public void planned() {
        progress.clear();
    }

    @Override
    public void note(String line) {
        err.println(line);
        err.flush();
    }

    @Override
    public void plan(String title, PlaybookPlan plan, Batches batches) {
        if (!json || !yes) {
            text.plan(side(), title, plan.lines(), batches.byPlay());
        }
    }

    @Override
    public void planOnly(String title, boolean check, PlaybookPlan plan, List<TaskLine> lines,
                         Optional<String> stopped, String message, Batches batches) {
        if (json) {
            out.println(new PlayJson().of(new PlayJson.Outcome(title, check, Optional.empty(), Optional.empty(),
                    stopped), plays, lines));
        } else {
            text.plan(out, title, lines, batches.byPlay());
            text.recap(out, lines);
            out.println(message);
        }
        out.flush();
    }

    @Override
    public PlayEvents applying(String run, int hosts) {
        side().println("RUN " + run);
        side().flush();
        progress = new Progress(err, hosts, terminal, live);
        return new Events();
    }

    @Override
    public void finished(String title, String run, PlaybookResult result, String rollback, Optional<Retry> retry) {
        progress.clear();
        if (json) {
            out.println(new PlayJson().of(new PlayJson.Outcome(title, false, Optional.of(run), Optional.of(rollback),
                    result.stopped(), retry), plays, result.lines()));
        } else {
            result.stopped().ifPresent(s -> out.println("STOPPED  " + s));
            text.recap(out, result.lines());
        }
        side().println("run " + run + " recorded; undo it with: " + rollback);
        retry.ifPresent(r -> side().println(r.line()));
        side().flush();
        out.flush();
    }

    /** A step of a wait on stderr: in place on a live terminal, else a line of its own; nothing under JSON. */
    private void tell(String line) {
        if (!json) {
            progress.waiting(line);
        }
    }

    /** Each play, batch and health gate as it ends (not under JSON), and the progress line. */
    private final class Events implements PlayEvents {
        private int batches;

        @Override
        public void play(int play, String name, List<List<String>> b) {
            batches = b.size();
            if (!json) {
                progress.clear();
                text.play(out, play, b);
            }
        }

        @Override
        public void hostDone(String host, boolean ok) {
            progress.done(ok, true);
        }

        /** A gate wait that goes on: a line on stderr, never in JSON output. */
        @Override
        public void gateWaiting(String what, java.time.Duration waited, java.time.Duration limit) {
            tell(WaitLine.of(what, waited, limit));
        }

        /** A command waiting on a node (a restart until the unit is active, wait_for), as a gate wait. */
        @Override
        public void waiting(String what, java.time.Duration waited, java.time.Duration limit) {
            tell(WaitLine.of(what, waited, limit));
        }

        /** A task's until/retries loop trying again, as a gate wait. */
        @Override
        public void retrying(String task, String host, int attempt, int attempts, java.time.Duration since) {
            tell(WaitLine.retrying(task, host, attempt, attempts, since));
        }

        @Override
        public void batch(int play, int batch, List<TaskLine> lines) {
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
}
