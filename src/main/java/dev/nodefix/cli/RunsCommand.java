package dev.nodefix.cli;

import dev.nodefix.journal.JournalException;
import dev.nodefix.journal.RunId;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.RunStore;
import dev.nodefix.report.RunsText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nodefix runs [show RUN]}: the history of changing runs, from this machine's journal. */
@Command(name = "runs", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"List the runs that changed nodes (id, start, kind, hosts, changed/failed, rolled back?),",
                "or with `show RUN` every change of one run with its status and diff.",
                "Kept under $XDG_STATE_HOME/nodefix/runs (default ~/.local/state/nodefix/runs)."})
public final class RunsCommand implements Callable<Integer> {
    @Parameters(arity = "0..2", paramLabel = "show RUN", description = "show RUN: one run's changes.")
    java.util.List<String> words = new java.util.ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final CliContext ctx;

    public RunsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        RunStore store = new RunStore(RunStore.defaultDir(ctx.env(), ctx.home()));
        if (words.isEmpty()) {
            dev.nodefix.journal.StoredRuns stored = store.scan();
            new RunsText().list(ctx.out(), stored, run -> store.rollbackStatus(run, stored.runs()));
            return ExitCode.OK;
        }
        if (words.size() != 2 || !words.get(0).equals("show")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "usage: nodefix runs [show RUN]");
        }
        String id = RunId.check(words.get(1));
        RunMeta meta = store.find(id).orElseThrow(() -> new JournalException("no run " + id + " in " + store.dir()));
        new RunsText().show(ctx.out(), meta, store.journal(id), store.rollbackStatus(meta, store.list()));
        return ExitCode.OK;
    }
}
