package dev.nodefix.cli;

import dev.nodefix.connect.Setup;
import dev.nodefix.executor.Batching;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.journal.Afterwards;
import dev.nodefix.journal.FoundRuns;
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
import dev.nodefix.journal.TrustedJournal;
import dev.nodefix.workflow.GeneratedPlay;
import dev.nodefix.workflow.Outcome;
import dev.nodefix.workflow.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rollback of one run as a generated play ({@link GeneratedPlay#rollback}) through the workflow: the run's changes
 * from this machine's journal checked against the nodes' own, warnings for what is not rolled back, then the inverses
 * planned, confirmed, recorded and applied by the executor in the run's batches (servers first) with the health gate
 * between them. {@code rollback} and {@code play --rollback-on-failure} run it.
 *
 * @param force {@code --force}: null, {@link RollbackForce#CONFLICTS}, {@code controller} or {@code nodes}
 * @param maxFailPercentage stop before the next batch when more than this share of a batch failed
 * @param args the command line as given, for the retry hint (empty: none)
 */
record RollbackRun(CliContext ctx, InventoryOptions inventory, ConnectionOptions connection, BecomeOptions become,
                   ChangeOptions change, OutputOptions output, boolean fromNodes, String force,
                   Optional<Integer> maxFailPercentage, List<String> args) {

    Outcome run(String id) {
        RunStore store = ctx.services().runs();
        Setup setup = inventory.setup(ctx, connection, become);
        Inventory inv = setup.inventory();
        List<Host> selected = inventory.select(inv);
        Optional<RunMeta> meta = meta(store, id);
        RollbackEvidence.Decision evidence = evidence(store, id, meta, selected);
        Map<String, List<Recorded>> recorded = evidence.recorded();
        evidence.notes().forEach(this::warn);
        evidence.trusted().forEach(this::warn);
        recorded.keySet().stream().filter(h -> !inv.hosts().containsKey(h)).sorted().forEach(h ->
                warn(h + " was changed by run " + id + " but is not in this inventory: it is not rolled back"));
        Map<String, Afterwards> after = meta.map(m -> new RunHistory(store).after(m)).orElse(Map.of());
        List<Host> hosts = selected.stream().filter(h -> recorded.containsKey(h.name())).toList();
        if (hosts.isEmpty()) {
            throw new JournalException("run " + id + " changed none of the selected hosts");
        }
        warnIrreversible(recorded, hosts);
        GeneratedPlay play = GeneratedPlay.rollback(id, recorded, force != null, after,
                RollbackPlanner.switchedBackend(recorded), maxFailPercentage);
        List<List<String>> batches = meta.flatMap(RunMeta::finished).map(RunMeta.Outcome::batches).orElse(List.of());
        return new Changing(ctx, setup, inv, hosts, connection, become, change, output).run(play,
                Batching.changes(Optional.empty(), batches), new Request("rollback " + id, "rollback " + id, RunKind.ROLLBACK, Optional.of(id),
                        Optional.of(inventory.used(ctx)), inventory.hint(), RetryHint.of(args)));
    }

    /** RUN, or with {@code last} the newest applying run some host of which is not rolled back yet. */
    String runId(String run) {
        if (run != null) {
            return RunId.check(run);
        }
        RunStore store = ctx.services().runs();
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
}
