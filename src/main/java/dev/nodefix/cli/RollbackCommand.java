package dev.nodefix.cli;

import dev.nodefix.engine.HostRun;
import dev.nodefix.engine.RollbackTasks;
import dev.nodefix.journal.RollbackPlanner;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Role;
import dev.nodefix.journal.History;
import dev.nodefix.journal.JournalException;
import dev.nodefix.journal.JournalText;
import dev.nodefix.journal.NodeJournal;
import dev.nodefix.journal.Recorded;
import dev.nodefix.journal.RunId;
import dev.nodefix.journal.RunKind;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.RunStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nodefix rollback RUN|--last}: undo a run's changes, last first, as a journaled run of its own. */
@picocli.CommandLine.Command(name = "rollback", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Undo what a run changed: on each node its changes are undone in reverse order (files restored",
                "byte for byte with mode and owner, features and unit enablement as before), restarts and reloads",
                "run again after, servers first. A change whose result is no longer in place is skipped (so a",
                "second rollback does nothing); one changed by hand since is a conflict, left alone unless --force.",
                "The run's changes come from this machine's journal, or from the nodes' own journals",
                "(/var/lib/nodefix) when that is gone or with --from-nodes.",
                "Exit: 0 ok, 2 a change failed or a node is locked, 4 a host unreachable, 1 bad input."})
public final class RollbackCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "RUN", description = "The run id (see `nodefix runs`).")
    String run;

    @Option(names = "--last", description = "The most recent run that applied changes and was not rolled back yet.")
    boolean last;

    @Option(names = "--force", description = "Also restore what was changed by hand since the run (conflicts).")
    boolean force;

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
        RunStore store = new RunStore(RunStore.defaultDir(ctx.env(), ctx.home()));
        String id = runId(store);
        dev.nodefix.inventory.Inventory inv = inventory.setup(ctx, connection, become).inventory();
        List<Host> selected = inventory.select(inv);
        Map<String, List<Recorded>> recorded = store.find(id).isPresent() && !fromNodes
                ? fromController(store, id) : fromNodes(id);
        recorded.keySet().stream().filter(h -> !inv.hosts().containsKey(h)).sorted().forEach(h ->
                warn(h + " was changed by run " + id + " but is not in this inventory: it is not rolled back"));
        Map<String, java.util.Set<Integer>> undoneBefore = undoneBefore(store, id);
        List<Host> hosts = selected.stream().filter(h -> recorded.containsKey(h.name()))
                .sorted(Comparator.comparing((Host h) -> h.role() == Role.SERVER ? 0 : 1)).toList();
        if (hosts.isEmpty()) {
            throw new JournalException("run " + id + " changed none of the selected hosts");
        }
        warnIrreversible(recorded, hosts);
        boolean backendUndone = RollbackPlanner.switchedBackend(recorded);
        return new ChangeFlow(ctx).run(new ChangeFlow.Request("rollback " + id, RunKind.ROLLBACK, Optional.of(id), hosts,
                host -> RollbackTasks.of(id, recorded.get(host.name()), force,
                        undoneBefore.getOrDefault(host.name(), java.util.Set.of()), backendUndone), inventory.hint(),
                inventory.setup(ctx, connection, become)),
                connection, become, change, output);
    }

    private String runId(RunStore store) {
        if ((run == null) == !last) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a RUN id or --last (one of them)");
        }
        if (run != null) {
            return RunId.check(run);
        }
        List<RunMeta> all = store.list();
        List<RunMeta> applies = all.stream().filter(m -> m.kind() == RunKind.APPLY).toList();
        if (applies.isEmpty()) {
            throw new JournalException("no run recorded in " + store.dir() + " (give a RUN id to read it from the nodes)");
        }
        List<RunMeta> open = applies.stream().filter(a -> all.stream().noneMatch(r -> r.rollbackOf().equals(Optional.of(a.id()))
                && r.finished().filter(f -> f.failed() == 0 && f.unreachable() == 0).isPresent())).toList();
        return (open.isEmpty() ? applies : open).get((open.isEmpty() ? applies : open).size() - 1).id();
    }

    /**
     * The controller's record; where it has a change without an outcome (the connection dropped while it ran), the
     * node's own journal says whether it finished, so those hosts' journals are read too.
     */
    private Map<String, List<Recorded>> fromController(RunStore store, String id) {
        JournalText text = store.journal(id);
        text.torn().ifPresent(t -> warn(t.message() + "; the entry is ignored (the node's journal and state decide)"));
        Map<String, List<Recorded>> recorded = new LinkedHashMap<>(History.byHost(text.entries()));
        boolean unfinished = recorded.values().stream().flatMap(List::stream)
                .anyMatch(r -> r.status() == Recorded.Status.UNFINISHED);
        if (unfinished) {
            Map<String, List<Recorded>> nodes = fromNodes(id);
            recorded.replaceAll((host, mine) -> nodes.containsKey(host) ? outcomesFrom(mine, nodes.get(host)) : mine);
        }
        return recorded;
    }

    /** The controller's changes, with the node's outcome for those the controller never heard the end of. */
    private static List<Recorded> outcomesFrom(List<Recorded> mine, List<Recorded> node) {
        Map<Integer, Recorded.Status> onNode = new LinkedHashMap<>();
        node.forEach(r -> onNode.put(r.seq(), r.status()));
        return mine.stream().map(r -> r.status() != Recorded.Status.UNFINISHED || !onNode.containsKey(r.seq()) ? r
                : new Recorded(r.seq(), r.task(), r.taskName(), r.change(), onNode.get(r.seq()), r.undoes())).toList();
    }

    /** Per host, the seqs of run {@code id} that earlier rollback runs undid (done in their journals). */
    private static Map<String, java.util.Set<Integer>> undoneBefore(RunStore store, String id) {
        Map<String, java.util.Set<Integer>> out = new LinkedHashMap<>();
        for (RunMeta m : store.list()) {
            if (!m.rollbackOf().equals(Optional.of(id))) {
                continue;
            }
            History.byHost(store.journal(m.id()).entries()).forEach((host, changes) -> changes.stream()
                    .filter(r -> r.status() == Recorded.Status.DONE && r.undoes().isPresent())
                    .map(r -> r.undoes().get())
                    .filter(u -> u.startsWith(id + "#"))
                    .forEach(u -> out.computeIfAbsent(host, h -> new java.util.HashSet<>())
                            .add(Integer.parseInt(u.substring(id.length() + 1)))));
        }
        return out;
    }

    private Map<String, List<Recorded>> fromNodes(String id) {
        RemoteRun.Outcome outcome = new RemoteRun(ctx).run(inventory, connection, become, NodeJournal.read(id));
        Map<String, List<Recorded>> out = new LinkedHashMap<>();
        for (HostRun r : outcome.runs()) {
            if (r instanceof HostRun.Completed c && c.result().ok()) {
                JournalText text = JournalText.parse(c.host().name() + ":" + NodeJournal.journalPath(id), c.result().stdout());
                text.torn().ifPresent(t -> warn(t.message() + "; that change may or may not have happened: its state decides"));
                out.put(c.host().name(), History.of(text.entries().stream().map(e -> e.entry()).toList()));
            } else if (r instanceof HostRun.Completed c && c.result().exitCode() != 44) {
                warn(c.host().name() + ": cannot read its journal: " + c.result().stderr().strip());
            } else if (!(r instanceof HostRun.Completed)) {
                warn(r.host().name() + ": unreachable, its journal was not read: " + r);
            }
        }
        return out;
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
