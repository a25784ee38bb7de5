package dev.nodefix.cli;

import dev.nodefix.journal.Entry;
import dev.nodefix.journal.HostEnd;
import dev.nodefix.journal.RunId;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.journal.RunKind;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.RunStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One changing run as this machine records it, shared by every changing command: a new run id announced as
 * {@code RUN id}, the run's journal under the run store, who holds the nodes' locks, and {@code run.json}
 * finished with the counts at the end.
 */
final class RunRecording {
    private final CliContext ctx;
    private final RunStore store;
    private final RunMeta meta;
    private final Entry.Started started;
    private final String holder;

    private RunRecording(CliContext ctx, RunStore store, RunMeta meta, Entry.Started started, String holder) {
        this.ctx = ctx;
        this.store = store;
        this.meta = meta;
        this.started = started;
        this.holder = holder;
    }

    /**
     * @param what  how {@code nodefix runs} lists the run
     * @param hosts the hosts it is about to change
     * @param announce where the {@code RUN id} line goes (stderr under --json)
     */
    static RunRecording start(CliContext ctx, RunKind kind, Optional<String> rollbackOf, String what,
                              List<String> hosts, PrintWriter announce) {
        return start(ctx, kind, rollbackOf, what, hosts, Optional.empty(), announce);
    }

    /** @param inventory which inventory the run uses, kept in {@code run.json} for {@code nodefix runs} */
    static RunRecording start(CliContext ctx, RunKind kind, Optional<String> rollbackOf, String what,
                              List<String> hosts, Optional<dev.nodefix.journal.InventoryUsed> inventory,
                              PrintWriter announce) {
        Instant now = ctx.clock().instant();
        String id = RunId.next(now, ctx.entropy());
        RunStore store = ctx.services().runs();
        RunMeta meta = new RunMeta(id, kind, rollbackOf, now, what, hosts, Optional.empty(), inventory);
        String holder = LockHolder.describe(now, ctx.env().getOrDefault("USER", "?"),
                ctx.env().getOrDefault("HOSTNAME", "controller"), ProcessHandle.current().pid(), LockHolder.bootId());
        announce.println("RUN " + id);
        announce.flush();
        return new RunRecording(ctx, store, meta, new Entry.Started(id, kind, rollbackOf, now), holder);
    }

    String id() {
        return meta.id();
    }

    Entry.Started started() {
        return started;
    }

    /** Who holds a node's lock, as the lock file and a LOCKED message name them. */
    String holder() {
        return holder;
    }

    RunJournal openJournal() {
        return store.create(meta);
    }

    /** Writes {@code run.json} with the run's end and its counts of hosts. */
    RunMeta finish(long changedHosts, long failedHosts, long unreachableHosts) {
        return finish(changedHosts, failedHosts, unreachableHosts, java.util.Map.of());
    }

    /** Writes {@code run.json} with the run's end, its counts of hosts and how each host ended. */
    RunMeta finish(long changedHosts, long failedHosts, long unreachableHosts, java.util.Map<String, HostEnd> ends) {
        return finish(changedHosts, failedHosts, unreachableHosts, ends, List.of());
    }

    /** ... and the batches of host names it applied in, in order (its rollback rolls in the same order). */
    RunMeta finish(long changedHosts, long failedHosts, long unreachableHosts, java.util.Map<String, HostEnd> ends,
                   List<List<String>> batches) {
        RunMeta finished = meta.finish(new RunMeta.Outcome(ctx.clock().instant(), (int) changedHosts, (int) failedHosts,
                (int) unreachableHosts, ends, batches));
        store.writeMeta(finished);
        return finished;
    }
}
