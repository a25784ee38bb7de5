package dev.nodefix.cli;

import dev.nodefix.engine.RollbackTasks;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Role;
import dev.nodefix.journal.Afterwards;
import dev.nodefix.journal.FoundRuns;
import dev.nodefix.journal.TrustedJournal;
import dev.nodefix.journal.JournalException;
import dev.nodefix.journal.JournalText;
import dev.nodefix.journal.NodeRead;
import dev.nodefix.journal.Recorded;
import dev.nodefix.journal.RollbackEvidence;
import dev.nodefix.journal.RollbackPlanner;
import dev.nodefix.journal.RollbackStatus;
import dev.nodefix.journal.RunHistory;
import dev.nodefix.journal.RunId;
import dev.nodefix.journal.RunKind;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.RunStore;
import dev.nodefix.journal.StoredRuns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nodefix rollback RUN|--last}: undo a run's changes, last first, as a journaled run of its own. */
@picocli.CommandLine.Command(name = "rollback", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Undo what a run changed, exactly: last change first, servers first.",
                "On each node the run's changes are undone in reverse order (files restored byte for byte with mode and"
                + " owner, features and unit enablement as before), restarts and reloads run again after, servers"
                + " first. A run that went in batches is rolled back in them (servers alone first), the health gate"
                + " (k3s active, node Ready) after each; a failed gate stops it before the next batch.",
                "A change whose result is no longer in place is skipped (so a second rollback does nothing); one"
                + " changed by hand since is a conflict, left alone unless --force; one a later run changed again is"
                + " that run's (named), and one undone by an earlier rollback is never undone twice.",
                "The run's changes come from this machine's journal checked against the nodes' own journals"
                + " (/var/lib/nodefix); a gap, extra or garbled line, or a missing journal refuses the rollback unless"
                + " --force=controller or --force=nodes says which to trust. --last --from-nodes picks the newest run"
                + " in the nodes' journals that a host has not rolled back yet (when this machine's run store is lost).",
                "Exit: 0 ok, 2 a change failed or a node is locked, 4 a host unreachable, 1 bad input."})
public final class RollbackCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "RUN", description = "The run id (see `nodefix runs`).")
    String run;

    @Option(names = "--last", description = {"The most recent run that applied changes and is not rolled back on every host yet.",
            "With --from-nodes: the newest such run in the selected nodes' journals (see `nodefix runs --from-nodes`)."})
    boolean last;

    @Option(names = "--force", arity = "0..1", paramLabel = "EVIDENCE", parameterConsumer = RollbackForce.class,
            description = {"Also restore what was changed since the run (conflicts). =controller or =nodes: when the"
                    + " journals disagree or one is damaged, trust this machine's or the nodes' journals."})
    String force;

    @Option(names = "--from-nodes", description = "Read the run's changes from the nodes' journals, not this machine's.")
    boolean fromNodes;

    @Mixin InventoryOptions inventory;
    @Mixin ConnectionOptions connection;
    @Mixin BecomeOptions become;
    @Mixin ChangeOptions change;
    @Mixin OutputOptions output;

    private final CliContext ctx;

    public RollbackCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        RunStore store = ctx.services().runs();
        String id = runId(store);
        dev.nodefix.inventory.Inventory inv = inventory.setup(ctx, connection, become).inventory();
        List<Host> selected = inventory.select(inv);
        Optional<RunMeta> meta = meta(store, id);
        RollbackEvidence.Decision evidence = evidence(store, id, meta, selected);
        Map<String, List<Recorded>> recorded = evidence.recorded();
        evidence.notes().forEach(this::warn);
        evidence.trusted().forEach(this::warn);
        recorded.keySet().stream().filter(h -> !inv.hosts().containsKey(h)).sorted().forEach(h ->
                warn(h + " was changed by run " + id + " but is not in this inventory: it is not rolled back"));
        Map<String, Afterwards> after = meta.map(m -> new RunHistory(store).after(m)).orElse(Map.of());
        List<Host> hosts = selected.stream().filter(h -> recorded.containsKey(h.name()))
                .sorted(Comparator.comparing((Host h) -> h.role() == Role.SERVER ? 0 : 1)).toList();
        if (hosts.isEmpty()) {
            throw new JournalException("run " + id + " changed none of the selected hosts");
        }
        warnIrreversible(recorded, hosts);
        boolean backendUndone = RollbackPlanner.switchedBackend(recorded);
        boolean forced = force != null;
        return new ChangeFlow(ctx, RetryHint.args(spec)).run(new ChangeFlow.Request("rollback " + id, RunKind.ROLLBACK, Optional.of(id), hosts,
                host -> RollbackTasks.of(id, recorded.get(host.name()), forced,
                        after.getOrDefault(host.name(), Afterwards.NONE), backendUndone), inventory.hint(),
                inventory.setup(ctx, connection, become), Optional.of(inventory.used(ctx)), rolling(meta, inv, selected)),
                connection, become, change, output);
    }

    /** The run's batches, so a rolling run is rolled back in its order, with the health gate after each batch. */
    private static ChangeFlow.Rolling rolling(Optional<RunMeta> meta, dev.nodefix.inventory.Inventory inv,
                                              List<Host> selected) {
        List<List<String>> batches = meta.flatMap(RunMeta::finished).map(RunMeta.Outcome::batches).orElse(List.of());
        return new ChangeFlow.Rolling(batches, Optional.empty(), true, gateServer(inv, selected));
    }

    /** Where the health gate asks k3s about nodes: the first selected server, else the inventory's. */
    static Optional<Host> gateServer(dev.nodefix.inventory.Inventory inv, List<Host> selected) {
        return selected.stream().filter(h -> h.role() == Role.SERVER).findFirst()
                .or(() -> inv.hosts().values().stream().filter(h -> h.role() == Role.SERVER).findFirst());
    }

    /**
     * The run's changes per host: this machine's journal (unless --from-nodes or it has none) checked against the
     * journals of the nodes it names (every selected node when it has none).
     */
    private RollbackEvidence.Decision evidence(RunStore store, String id, Optional<RunMeta> meta, List<Host> selected) {
        Optional<JournalText> controller = store.has(id) ? Optional.of(store.journal(id)) : Optional.empty();
        Set<String> expected = new java.util.TreeSet<>(meta.map(store::changedHosts).orElse(Set.of()));
        Set<String> named = new java.util.HashSet<>(expected);
        controller.ifPresent(c -> c.entries().forEach(e -> e.host().ifPresent(named::add)));
        List<Host> toRead = controller.isPresent() ? selected.stream().filter(h -> named.contains(h.name())).toList() : selected;
        Map<String, NodeRead> nodes = new NodeJournals(ctx).read(id, toRead, inventory, connection, become);
        TrustedJournal primary = fromNodes || controller.isEmpty() ? TrustedJournal.NODES : TrustedJournal.CONTROLLER;
        Optional<TrustedJournal> trust = Optional.ofNullable(force).filter(f -> !f.equals(RollbackForce.CONFLICTS))
                .map(f -> TrustedJournal.valueOf(f.toUpperCase(java.util.Locale.ROOT)));
        return RollbackEvidence.decide(id, controller, expected, nodes, primary, trust);
    }

    /** The run's metadata; one that cannot be read is named, and the journals alone decide. */
    private Optional<RunMeta> meta(RunStore store, String id) {
        try {
            return store.find(id);
        } catch (JournalException e) {
            warn(e.getMessage() + "; its hosts are taken from the journals");
            return Optional.empty();
        }
    }

    /** RUN, or with --last the newest applying run some host of which is not rolled back yet. */
    private String runId(RunStore store) {
        if ((run == null) == !last) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a RUN id or --last (one of them)");
        }
        if (run != null) {
            return RunId.check(run);
        }
        if (fromNodes) {
            return lastFromNodes(store);
        }
        StoredRuns stored = store.scan();
        stored.unreadable().forEach(u -> warn("run " + u.id() + " is unreadable and not considered for --last ("
                + u.reason() + "); roll it back by its id with --from-nodes"));
        List<RunMeta> all = stored.runs();
        List<RunMeta> applies = all.stream().filter(m -> m.kind() == RunKind.APPLY).toList();
        if (applies.isEmpty()) {
            throw new JournalException("no run recorded in " + store.dir() + " (give a RUN id to read it from the nodes)");
        }
        List<RunMeta> open = applies.stream().filter(a -> !store.rollbackStatus(a, all).complete()).toList();
        RunMeta chosen = (open.isEmpty() ? applies : open).get((open.isEmpty() ? applies : open).size() - 1);
        RollbackStatus status = store.rollbackStatus(chosen, all);
        if (!status.done().isEmpty() && !status.complete()) {
            warn("run " + chosen.id() + " is rolled back on " + status.done().size() + " of " + status.hosts().size()
                    + " hosts; not yet on: " + String.join(", ", status.remaining()));
        }
        return chosen.id();
    }

    /**
     * With --last --from-nodes: the newest applying run in the selected nodes' journals that some host has not
     * rolled back yet (as {@code runs --from-nodes} shows it).
     */
    private String lastFromNodes(RunStore store) {
        FoundRuns found = RunsCommand.fromNodes(ctx, store, inventory, connection, become);
        found.cannotTell().forEach((host, why) -> warn(host + ": its journals were not read, so a run only it has is not"
                + " considered for --last (" + why + ")"));
        FoundRuns.FoundRun chosen = found.lastOpen().orElseThrow(() -> new JournalException("no run in the journals of the "
                + found.read().size() + " host(s) read has anything left to roll back (see nodefix runs --from-nodes)"));
        List<String> done = chosen.hosts().entrySet().stream().filter(e -> !e.getValue().open()).map(Map.Entry::getKey).toList();
        if (!done.isEmpty()) {
            warn("run " + chosen.id() + " is rolled back (or has nothing to undo) on " + done.size() + " of "
                    + chosen.hosts().size() + " hosts; not yet on: " + String.join(", ", chosen.hosts().entrySet().stream()
                    .filter(e -> e.getValue().open()).map(Map.Entry::getKey).toList()));
        }
        return chosen.id();
    }

    private void warnIrreversible(Map<String, List<Recorded>> recorded, List<Host> hosts) {
        List<String> lines = new ArrayList<>();
        for (Host h : hosts) {
            recorded.get(h.name()).stream().filter(r -> r.change().inverse().isEmpty())
                    .forEach(r -> lines.add(h.name() + ": " + r.change().describe()));
        }
        if (!lines.isEmpty()) {
            warn("these changes cannot be undone and stay as they are:");
            lines.forEach(l -> warn("  " + l));
        }
    }

    private void warn(String line) {
        ctx.err().println("nodefix: warning: " + line);
        ctx.err().flush();
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;
}
