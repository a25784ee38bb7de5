package dev.nodefix.engine;

import dev.nodefix.change.Change;
import dev.nodefix.change.CommandChange;
import dev.nodefix.expr.ExpressionException;
import dev.nodefix.expr.Expressions;
import dev.nodefix.inventory.Host;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.NodeJournal;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.module.Plan;
import dev.nodefix.query.FailedRead;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import dev.nodefix.query.StateException;
import dev.nodefix.query.StateReader;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The steps of one task on one host, shared by every changing command: read the state the task declared,
 * plan, and apply the plan journaled (write-ahead on the controller and on the node, change by change). Also
 * the node lock around a host's share of a run.
 */
public final class TaskSteps {
    private final BecomeRule become;
    private final boolean breakLock;
    private final Expressions expressions;
    private final WaitTicker ticker;
    private final WaitWatch watch;

    /**
     * @param breakLock   take over node locks left behind by runs that died
     * @param expressions the one expression engine, for what a task's values hold
     */
    public TaskSteps(BecomeRule become, boolean breakLock, Expressions expressions) {
        this(become, breakLock, expressions, WaitTicker.real(), WaitWatch.NONE);
    }

    /**
     * @param watch told by {@code ticker} while a command waits on the node: a read of wait_for, a restart
     *     waiting until the unit is active
     */
    public TaskSteps(BecomeRule become, boolean breakLock, Expressions expressions, WaitTicker ticker,
                     WaitWatch watch) {
        this.become = become;
        this.breakLock = breakLock;
        this.expressions = expressions;
        this.ticker = ticker;
        this.watch = watch;
    }

    /** Reads the task's state and plans; nothing changes. */
    public TaskPlan plan(Transport t, Host host, Task task) {
        return task.planner().apply(read(t, host, task));
    }

    /**
     * Plans with a cache of state already read on this host in a pass that changes nothing (a playbook's plan):
     * what the cache holds is not read again, and what is read goes into it, except time-dependent reads
     * (connects, waits).
     */
    public TaskPlan plan(Transport t, Host host, Task task, Map<Query, Object> cache) {
        read(t, host, task.reads(), cache);
        Map<Query, Object> values = new java.util.LinkedHashMap<>();
        task.reads().forEach(q -> values.put(q, cache.get(q)));
        NodeState state = new NodeState(host.name(), host.role(), values);
        task.reads().stream().filter(q -> !cacheable(q)).forEach(cache::remove);
        return task.planner().apply(state);
    }

    /**
     * Reads the queries the cache lacks in one round trip, into the cache. A query the cache holds as a failed
     * read ahead ({@link #readAhead}) fails here, as reading it now would.
     */
    public void read(Transport t, Host host, List<Query> queries, Map<Query, Object> cache) {
        queries.forEach(q -> FailedRead.valueOf(cache.get(q))); // throws the first failed read ahead
        List<Query> missing = queries.stream().filter(q -> !cache.containsKey(q)).distinct().toList();
        if (!missing.isEmpty()) {
            cache.putAll(read(t, host, missing).values());
        }
    }

    /**
     * Reads the queries the cache lacks in one round trip, into the cache, before anyone needs them (a
     * playbook's plan reads a host's facts and its tasks' state at once): a query that cannot be read is kept
     * as a {@link FailedRead}, the failure of what reads it later ({@link #read}, {@link #plan}), not of this
     * read. A command that fails while the host is still there (it timed out: a guessed read may hang, and
     * may be one no task needs) reads nothing ahead, and what is needed is read when needed. Only a lost
     * connection fails here.
     */
    public void readAhead(Transport t, Host host, List<Query> queries, Map<Query, Object> cache) {
        List<Query> missing = queries.stream().filter(q -> !cache.containsKey(q)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        CommandResult r;
        try {
            r = t.execute(StateReader.commandAhead(missing).withBecome(become.forHost(host)));
        } catch (TransportException e) {
            if (e.failure().unreachable()) {
                throw e;
            }
            return;
        }
        cache.putAll(StateReader.parseAhead(missing, r));
    }

    /** Whether reading the query again, with nothing changed, gives the same value. */
    public static boolean cacheable(Query q) {
        return !(q instanceof dev.nodefix.query.ConnectQuery) && !(q instanceof dev.nodefix.query.WaitQuery);
    }

    private NodeState read(Transport t, Host host, Task task) {
        return read(t, host, task.reads());
    }

    /** Reads these queries on the host in one round trip. */
    public NodeState read(Transport t, Host host, List<Query> queries) {
        if (queries.isEmpty()) {
            return new NodeState(host.name(), host.role(), Map.of());
        }
        CommandResult r = ticker.during(waits(queries), host.name(), watch,
                () -> t.execute(StateReader.command(queries).withBecome(become.forHost(host))));
        return new NodeState(host.name(), host.role(), StateReader.parse(queries, r));
    }

    /** The first wait among the queries (a wait_for's): the read lasts as long as it. */
    private static Optional<dev.nodefix.query.Waiting> waits(List<Query> queries) {
        return queries.stream().map(Query::waits).flatMap(Optional::stream).findFirst();
    }

    /** Runs a read-only command with this become (the health gate's {@code k3s kubectl}). */
    public CommandResult execute(Transport t, Host host, dev.nodefix.transport.Command command) {
        return t.execute(command.withBecome(become.forHost(host)));
    }

    /**
     * Takes the node's lock for the run; the failure (locked by another run, journal not writable) when it
     * cannot.
     */
    public Optional<HostResult> lock(Transport t, Host host, Entry.Started started, String holder) {
        CommandResult lock = t.execute(NodeJournal.lock(started, holder, breakLock).withBecome(become.forHost(host)));
        if (lock.exitCode() == NodeJournal.LOCKED) {
            return Optional.of(new HostResult(host.name(), HostResult.Status.LOCKED, List.of(),
                    "locked by run " + lock.stdout().strip() + " (another nodefix run is changing this node; if that run"
                            + " died, run again with --break-lock)"));
        }
        if (!lock.ok()) {
            return Optional.of(new HostResult(host.name(), HostResult.Status.FAILED, List.of(),
                    "cannot start the node journal in " + NodeJournal.DIR + ": " + (lock.stderr() + lock.stdout()).strip()));
        }
        return Optional.empty();
    }

    /** Removes whatever lock the node has (--break-lock on a host with nothing to change); what the node said. */
    public String breakLock(Transport t, Host host) {
        CommandResult r = t.execute(NodeJournal.breakLock().withBecome(become.forHost(host)));
        return r.ok() ? (r.stderr().isBlank() ? "not locked" : r.stderr().strip())
                : "cannot break its lock: exit " + r.exitCode() + ": " + r.stderr().strip();
    }

    /** Releases the lock unless the connection is gone (then the lock stays and names this run, which is the truth). */
    public void unlock(Transport t, Host host, String run) {
        try {
            t.execute(NodeJournal.unlock(run).withBecome(become.forHost(host)));
        } catch (TransportException e) {
            // see above
        }
    }

    /** Whether a failure leaves the node's lock in place: a change that outlived its timeout may still run. */
    public static boolean keepsLock(TransportException e) {
        return e.failure() == FailureClass.COMMAND_TIMEOUT;
    }

    /**
     * Re-reads, re-plans and applies one task journaled.
     *
     * @param confirmed the plan the user was shown, when the state it was made against should still hold; a
     *     fresh plan of another kind, or with other changes, is drift and nothing is applied
     * @param seq the next journal sequence number of this run on this host
     */
    public TaskResult apply(Transport t, Host host, Task task, Optional<TaskPlan> confirmed, RunJournal journal,
                            String run, IntSupplier seq) {
        TaskPlan now;
        try {
            now = plan(t, host, task);
        } catch (StateException e) {
            return result(task, TaskResult.Outcome.FAILED, e.getMessage(), List.of(), List.of(), Optional.empty());
        }
        if (confirmed.isPresent() && !sameKind(confirmed.get().plan(), now.plan())) {
            return result(task, TaskResult.Outcome.DRIFT, "the node changed since the plan was shown; planned: "
                    + PlanText.oneLine(confirmed.get().plan()) + "; now: " + PlanText.oneLine(now.plan()), List.of(),
                    now.notes(), Optional.empty());
        }
        if (now.plan() instanceof Plan.NoOp noOp) {
            return result(task, TaskResult.Outcome.OK, noOp.reason(), List.of(), now.notes(), Optional.empty());
        }
        if (now.plan() instanceof Plan.Refused refused) {
            return result(task, TaskResult.Outcome.REFUSED, refused.reason(), List.of(), now.notes(), Optional.empty());
        }
        List<Change> applied = new ArrayList<>();
        List<String> unchangedNotes = new ArrayList<>();
        List<Change> changes = now.plan().changeList();
        Optional<CommandResult> output = Optional.empty();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            Entry.Intent intent = new Entry.Intent(seq.getAsInt(), task.number(), task.name(), change, now.undoes().get(i));
            journal.append(host.name(), intent);
            CommandResult r = ticker.during(change.waits(), host.name(), watch,
                    () -> t.execute(NodeJournal.journaled(run, intent).withBecome(become.forHost(host))));
            output = Optional.of(r);
            if (!r.ok()) {
                String error = "exit " + r.exitCode() + ": " + (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip();
                journal.append(host.name(), new Entry.Failed(intent.seq(), error));
                return result(task, TaskResult.Outcome.FAILED, change.describe() + " failed: " + error, applied,
                        now.notes(), output);
            }
            journal.append(host.name(), new Entry.Done(intent.seq()));
            if (changedNothing(change, r)) {
                Entry.Unchanged unchanged = new Entry.Unchanged(intent.seq());
                journal.append(host.name(), unchanged);
                CommandResult marked = t.execute(NodeJournal.append(run, unchanged).withBecome(become.forHost(host)));
                unchangedNotes.add(change.describe() + ": changed nothing (changed_when is false)" + (marked.ok() ? ""
                        : "; the node's journal could not record that (exit " + marked.exitCode() + "), so a rollback"
                        + " from the nodes' journals alone would undo it"));
            } else {
                applied.add(change);
            }
        }
        if (applied.isEmpty()) {
            return result(task, TaskResult.Outcome.OK, String.join("; ", unchangedNotes), applied, now.notes(), output);
        }
        return result(task, TaskResult.Outcome.CHANGED, "", applied, now.notes(), output);
    }

    /**
     * Whether a fresh plan is what was confirmed: both no-ops (their reasons may carry timings), both refused,
     * or the same changes.
     */
    static boolean sameKind(Plan confirmed, Plan now) {
        if (confirmed instanceof Plan.NoOp) {
            return now instanceof Plan.NoOp;
        }
        if (confirmed instanceof Plan.Refused) {
            return now instanceof Plan.Refused;
        }
        return confirmed.equals(now);
    }

    /** A command whose {@code changed_when} is false for what it printed and returned. */
    private boolean changedNothing(Change change, CommandResult r) {
        if (!(change instanceof CommandChange c) || c.changedWhen().isEmpty()) {
            return false;
        }
        try {
            return !expressions.test(c.changedWhen().get(),
                    Map.of("rc", r.exitCode(), "stdout", r.stdout(), "stderr", r.stderr()));
        } catch (ExpressionException e) {
            return false; // cannot tell: count it as a change, so rollback still undoes it
        }
    }

    private static TaskResult result(Task task, TaskResult.Outcome outcome, String detail, List<Change> changes,
                                     List<String> notes, Optional<CommandResult> output) {
        return new TaskResult(task.number(), task.name(), outcome, detail, changes, notes, output);
    }
}
