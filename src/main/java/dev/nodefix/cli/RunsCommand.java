package dev.nodefix.cli;

import dev.nodefix.journal.FoundRuns;
import dev.nodefix.journal.JournalException;
import dev.nodefix.journal.RunId;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.RunStore;
import dev.nodefix.journal.StoredRuns;
import dev.nodefix.report.ExitCode;
import dev.nodefix.report.RunsJson;
import dev.nodefix.report.RunsText;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nodefix runs [show RUN] [--from-nodes] [--json]}: the history of changing runs. */
@Command(name = "runs", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"List the runs that changed nodes, or show one run's changes.",
                "The list: id, start, kind, hosts, changed/failed, rolled back. `show RUN`: every change of one run"
                + " with its status, diff and the inventory it used.",
                "Kept under $XDG_STATE_HOME/nodefix/runs (default ~/.local/state/nodefix/runs).",
                "With --from-nodes: the runs found in the selected nodes' own journals (/var/lib/nodefix), for when"
                + " this machine's store is lost or another operator ran them: how each stands on each host that has"
                + " it (done, in flight, unfinished, partly rolled back, rolled back), and whether this machine has it"
                + " too.",
                "Reading takes no node lock. A host that cannot be reached or read is named: nothing is told of it.",
                "--json: the shapes in docs/json.md (schema_version 1).",
                "Exit: 0 ok (also when some hosts could not be read: they are named), 1 bad input."})
public final class RunsCommand implements Callable<Integer> {
    @Parameters(arity = "0..2", paramLabel = "show RUN", description = "show RUN: one run's changes.")
    java.util.List<String> words = new java.util.ArrayList<>();

    @Option(names = "--from-nodes", description = "List the runs in the selected nodes' journals, not this machine's.")
    boolean fromNodes;

    @Mixin InventoryOptions inventory;
    @Mixin ConnectionOptions connection;
    @Mixin BecomeOptions become;
    @Mixin OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final CliContext ctx;

    public RunsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        RunStore store = ctx.services().runs();
        if (fromNodes) {
            if (!words.isEmpty()) {
                throw usage("--from-nodes lists runs; `runs show RUN` reads this machine's run store"
                        + " (for a run only the nodes have, see `nodefix rollback RUN --from-nodes --check`)");
            }
            FoundRuns found = fromNodes(ctx, store, inventory, connection, become);
            if (output.json()) {
                ctx.out().println(new RunsJson().fromNodes(found));
            } else {
                new RunsText().fromNodes(ctx.out(), found);
            }
            ctx.out().flush();
            return ExitCode.OK;
        }
        if (inventory.limit != null || !inventory.inventories().isEmpty()) {
            throw usage("-i and -l are for --from-nodes (this machine's run store lists every run)");
        }
        if (words.isEmpty()) {
            StoredRuns stored = store.scan();
            if (output.json()) {
                ctx.out().println(new RunsJson().list(store.dir().toString(), stored,
                        run -> store.rollbackStatus(run, stored.runs())));
                ctx.out().flush();
            } else {
                new RunsText().list(ctx.out(), stored, run -> store.rollbackStatus(run, stored.runs()));
            }
            return ExitCode.OK;
        }
        if (words.size() != 2 || !words.get(0).equals("show")) {
            throw usage("usage: nodefix runs [show RUN]");
        }
        String id = RunId.check(words.get(1));
        RunMeta meta = store.find(id).orElseThrow(() -> new JournalException("no run " + id + " in " + store.dir()));
        if (output.json()) {
            ctx.out().println(new RunsJson().show(meta, store.journal(id), store.rollbackStatus(meta, store.list())));
            ctx.out().flush();
        } else {
            new RunsText().show(ctx.out(), meta, store.journal(id), store.rollbackStatus(meta, store.list()));
        }
        return ExitCode.OK;
    }

    /** The runs in the selected nodes' journals, each marked whether this machine's store has it. */
    static FoundRuns fromNodes(CliContext ctx, RunStore store, InventoryOptions inventory, ConnectionOptions connection,
                               BecomeOptions become) {
        StoredRuns stored = store.scan();
        Set<String> here = stored.runs().stream().map(RunMeta::id).collect(Collectors.toCollection(java.util.HashSet::new));
        stored.unreadable().forEach(u -> here.add(u.id()));
        return FoundRuns.of(new NodeHistories(ctx).read(inventory, connection, become), here);
    }

    private picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
    }
}
