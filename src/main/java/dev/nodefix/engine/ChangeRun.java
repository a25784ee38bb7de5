package dev.nodefix.engine;

import dev.nodefix.change.Change;
import dev.nodefix.change.CommandChange;
import dev.nodefix.expr.Expressions;
import dev.nodefix.inventory.Host;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.NodeJournal;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.module.Plan;
import dev.nodefix.state.NodeState;
import dev.nodefix.state.StateException;
import dev.nodefix.state.StateReader;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Plans and applies tasks on hosts over one connection per host. {@link #plan} only reads. {@link #apply}
 * takes each node's lock, then per task re-reads the state and re-plans; a plan that differs from the one
 * the user confirmed is reported as drift and that host stops. Each change is journaled write-ahead on the
 * controller and on the node (intent, apply, done/failed) before the next one starts.
 */
public final class ChangeRun {
    private final Connections connections;
    private final FanOut fanOut;
    private final BecomeRule become;

    private final boolean breakLock;
    private final Expressions expressions = new Expressions();

    /** @param breakLock take over node locks left behind by runs that died */
    public ChangeRun(Connections connections, int forks, BecomeRule become, boolean breakLock) {
        this.breakLock = breakLock;
        this.connections = connections;
        this.fanOut = new FanOut(forks);
        this.become = become;
    }

    /** Reads and plans every task on every host; nothing changes. */
    public List<HostPlan> plan(List<Host> hosts, Function<Host, List<Task>> tasks, Consumer<HostPlan> progress) {
        return fanOut.run(hosts, host -> planHost(host, tasks.apply(host)), outcome -> progress.accept(planOf(outcome)))
                .stream().map(ChangeRun::planOf).toList();
    }

    /**
     * Applies the tasks, batch after batch (each batch in parallel), journaling every change.
     *
     * @param shown the plans the user confirmed, by host; a host whose fresh plan differs is not changed
     */
    public List<HostResult> apply(List<List<Host>> batches, Function<Host, List<Task>> tasks, Map<String, HostPlan> shown,
                                  RunJournal journal, Entry.Started started, String holder, Consumer<HostResult> progress) {
        List<HostResult> results = new ArrayList<>();
        for (List<Host> batch : batches) {
            fanOut.run(batch, host -> applyHost(host, tasks.apply(host), shown.get(host.name()), journal, started, holder),
                    outcome -> progress.accept(resultOf(outcome))).stream().map(ChangeRun::resultOf).forEach(results::add);
        }
        return results;
    }

    private HostPlan planHost(Host host, List<Task> tasks) {
        Transport t = connections.get(host);
        List<TaskPlan> plans = new ArrayList<>();
        for (Task task : tasks) {
            plans.add(task.planner().apply(read(t, host, task)));
        }
        return new HostPlan(host.name(), plans, false, "");
    }

    private NodeState read(Transport t, Host host, Task task) {
        if (task.reads().isEmpty()) {
            return new NodeState(host.name(), host.role(), Map.of());
        }
        CommandResult r = t.execute(StateReader.command(task.reads()).withBecome(become.forHost(host)));
        return new NodeState(host.name(), host.role(), StateReader.parse(task.reads(), r));
    }

    private HostResult applyHost(Host host, List<Task> tasks, HostPlan shown, RunJournal journal, Entry.Started started,
                                 String holder) {
        Transport t = connections.get(host);
        CommandResult lock = t.execute(NodeJournal.lock(started, holder, breakLock).withBecome(become.forHost(host)));
        if (lock.exitCode() == NodeJournal.LOCKED) {
            return new HostResult(host.name(), HostResult.Status.LOCKED, List.of(),
                    "locked by run " + lock.stdout().strip() + " (another nodefix run is changing this node; if that run"
                            + " died, run again with --break-lock)");
        }
        if (!lock.ok()) {
            return new HostResult(host.name(), HostResult.Status.FAILED, List.of(),
                    "cannot start the node journal in " + NodeJournal.DIR + ": " + (lock.stderr() + lock.stdout()).strip());
        }
        List<TaskResult> results = new ArrayList<>();
        int[] seq = {0};
        boolean keepLock = false;
        try {
            journal.append(host.name(), started);
            for (int i = 0; i < tasks.size(); i++) {
                Optional<TaskPlan> confirmed = shown == null ? Optional.empty() : Optional.of(shown.plans().get(i));
                TaskResult result = applyTask(t, host, tasks.get(i), confirmed, journal, started.run(), seq);
                results.add(result);
                if (result.failed()) {
                    break;
                }
            }
        } catch (TransportException e) {
            // a change that outlived its timeout may still be running on the node: its lock stays, naming this run
            keepLock = e.failure() == dev.nodefix.transport.FailureClass.COMMAND_TIMEOUT;
            return new HostResult(host.name(), e.failure().unreachable() ? HostResult.Status.UNREACHABLE
                    : HostResult.Status.FAILED, results, e.getMessage()
                    + (keepLock ? " (the node stays locked by this run: the change may still be running)" : ""));
        } finally {
            if (!keepLock) {
                unlock(t, host, started.run());
            }
        }
        return HostResult.of(host.name(), results);
    }

    private TaskResult applyTask(Transport t, Host host, Task task, Optional<TaskPlan> confirmed, RunJournal journal,
                                 String run, int[] seq) {
        TaskPlan now;
        try {
            now = task.planner().apply(read(t, host, task));
        } catch (StateException e) {
            return result(task, TaskResult.Outcome.FAILED, e.getMessage(), List.of(), List.of());
        }
        if (confirmed.isPresent() && !confirmed.get().plan().equals(now.plan())) {
            return result(task, TaskResult.Outcome.DRIFT, "the node changed since the plan was shown; planned: "
                    + PlanText.oneLine(confirmed.get().plan()) + "; now: " + PlanText.oneLine(now.plan()), List.of(), now.notes());
        }
        if (now.plan() instanceof Plan.NoOp noOp) {
            return result(task, TaskResult.Outcome.OK, noOp.reason(), List.of(), now.notes());
        }
        if (now.plan() instanceof Plan.Refused refused) {
            return result(task, TaskResult.Outcome.REFUSED, refused.reason(), List.of(), now.notes());
        }
        List<Change> applied = new ArrayList<>();
        List<String> unchangedNotes = new ArrayList<>();
        List<Change> changes = now.plan().changeList();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            Entry.Intent intent = new Entry.Intent(++seq[0], task.number(), task.name(), change, now.undoes().get(i));
            journal.append(host.name(), intent);
            CommandResult r = t.execute(NodeJournal.journaled(run, intent).withBecome(become.forHost(host)));
            if (!r.ok()) {
                String error = "exit " + r.exitCode() + ": " + (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip();
                journal.append(host.name(), new Entry.Failed(intent.seq(), error));
                return result(task, TaskResult.Outcome.FAILED, change.describe() + " failed: " + error, applied, now.notes());
            }
            journal.append(host.name(), new Entry.Done(intent.seq()));
            if (changedNothing(change, r)) {
                Entry.Unchanged unchanged = new Entry.Unchanged(intent.seq());
                journal.append(host.name(), unchanged);
                t.execute(NodeJournal.append(run, unchanged).withBecome(become.forHost(host)));
                unchangedNotes.add(change.describe() + ": changed nothing (changed_when is false)");
            } else {
                applied.add(change);
            }
        }
        if (applied.isEmpty()) {
            return result(task, TaskResult.Outcome.OK, String.join("; ", unchangedNotes), applied, now.notes());
        }
        return result(task, TaskResult.Outcome.CHANGED, "", applied, now.notes());
    }

    /** A command whose {@code changed_when} is false for what it printed and returned. */
    private boolean changedNothing(Change change, CommandResult r) {
        if (!(change instanceof CommandChange c) || c.changedWhen().isEmpty()) {
            return false;
        }
        try {
            return !expressions.test(c.changedWhen().get(),
                    Map.of("rc", r.exitCode(), "stdout", r.stdout(), "stderr", r.stderr()));
        } catch (dev.nodefix.expr.ExpressionException e) {
            return false; // cannot tell: count it as a change, so rollback still undoes it
        }
    }

    private void unlock(Transport t, Host host, String run) {
        try {
            t.execute(NodeJournal.unlock(run).withBecome(become.forHost(host)));
        } catch (TransportException e) {
            // the connection is gone; the lock stays and names this run, which is the truth
        }
    }

    private static TaskResult result(Task task, TaskResult.Outcome outcome, String detail, List<Change> changes,
                                     List<String> notes) {
        return new TaskResult(task.number(), task.name(), outcome, detail, changes, notes);
    }

    private static HostPlan planOf(HostOutcome<HostPlan> outcome) {
        if (outcome instanceof HostOutcome.Succeeded<HostPlan> ok) {
            return ok.value();
        }
        if (outcome instanceof HostOutcome.Failed<HostPlan> failed) {
            return new HostPlan(failed.host().name(), List.of(), failed.error().failure().unreachable(),
                    failed.error().getMessage());
        }
        HostOutcome.Crashed<HostPlan> crashed = (HostOutcome.Crashed<HostPlan>) outcome;
        return new HostPlan(crashed.host().name(), List.of(), false, String.valueOf(crashed.error().getMessage()));
    }

    private static HostResult resultOf(HostOutcome<HostResult> outcome) {
        if (outcome instanceof HostOutcome.Succeeded<HostResult> ok) {
            return ok.value();
        }
        if (outcome instanceof HostOutcome.Failed<HostResult> failed) {
            return new HostResult(failed.host().name(), failed.error().failure().unreachable()
                    ? HostResult.Status.UNREACHABLE : HostResult.Status.FAILED, List.of(), failed.error().getMessage());
        }
        HostOutcome.Crashed<HostResult> crashed = (HostOutcome.Crashed<HostResult>) outcome;
        return new HostResult(crashed.host().name(), HostResult.Status.FAILED, List.of(),
                "internal error: " + crashed.error());
    }
}
