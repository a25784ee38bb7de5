package dev.nodefix.engine;

import dev.nodefix.expr.Expressions;
import dev.nodefix.inventory.Host;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final TaskSteps steps;

    /** @param breakLock take over node locks left behind by runs that died */
    public ChangeRun(Connections connections, int forks, BecomeRule become, boolean breakLock,
            Expressions expressions) {
        this.connections = connections;
        this.fanOut = new FanOut(forks);
        this.steps = new TaskSteps(become, breakLock, expressions);
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
            if (Thread.currentThread().isInterrupted()) { // Ctrl-C in the shell: no further batch starts
                batch.forEach(h -> results.add(new HostResult(h.name(), HostResult.Status.FAILED, List.of(),
                        "interrupted before this host's batch started; nothing changed here")));
                continue;
            }
            fanOut.run(batch, host -> applyHost(host, tasks.apply(host), shown.get(host.name()), journal, started, holder),
                    outcome -> progress.accept(resultOf(outcome))).stream().map(ChangeRun::resultOf).forEach(results::add);
        }
        return results;
    }

    /**
     * {@code --break-lock} on the hosts a run will not lock because they have nothing to change: their locks are
     * removed all the same (a lock left by a dead run has no other way out there).
     *
     * @param changing the names of the hosts the run will lock (and break there itself)
     * @return per host that had a lock (or could not be asked), by host name, what the node said
     */
    public Map<String, String> breakIdleLocks(List<Host> hosts, java.util.Collection<String> changing) {
        List<Host> idle = hosts.stream().filter(h -> !changing.contains(h.name())).toList();
        Map<String, String> out = new java.util.TreeMap<>();
        fanOut.run(idle, host -> steps.breakLock(connections.get(host), host), o -> { })
                .forEach(o -> out.put(o.host().name(), o instanceof HostOutcome.Succeeded<String> ok ? ok.value()
                        : "cannot break its lock: unreachable"));
        out.values().removeIf("not locked"::equals);
        return out;
    }

    private HostPlan planHost(Host host, List<Task> tasks) {
        Transport t = connections.get(host);
        List<TaskPlan> plans = new ArrayList<>();
        for (Task task : tasks) {
            plans.add(steps.plan(t, host, task));
        }
        return new HostPlan(host.name(), plans, false, "");
    }

    /**
     * A task is held to its confirmed plan until one earlier task of this run changed the host: from then on
     * it plans against the state those changes left (a rollback's second undo sees what the first undid).
     */
    private HostResult applyHost(Host host, List<Task> tasks, HostPlan shown, RunJournal journal, Entry.Started started,
                                 String holder) {
        Transport t = connections.get(host);
        Optional<HostResult> refused = steps.lock(t, host, started, holder);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<TaskResult> results = new ArrayList<>();
        AtomicInteger seq = new AtomicInteger();
        boolean keepLock = false;
        try {
            journal.append(host.name(), started);
            boolean changed = false;
            for (int i = 0; i < tasks.size(); i++) {
                Optional<TaskPlan> confirmed = shown == null || changed ? Optional.empty() : Optional.of(shown.plans().get(i));
                TaskResult result = steps.apply(t, host, tasks.get(i), confirmed, journal, started.run(), seq::incrementAndGet);
                results.add(result);
                changed |= !result.changes().isEmpty();
                if (result.failed()) {
                    break;
                }
            }
        } catch (TransportException e) {
            keepLock = TaskSteps.keepsLock(e);
            return new HostResult(host.name(), e.failure().unreachable() ? HostResult.Status.UNREACHABLE
                    : HostResult.Status.FAILED, results, e.getMessage()
                    + (keepLock ? " (the node stays locked by this run: the change may still be running)" : ""));
        } finally {
            if (!keepLock) {
                steps.unlock(t, host, started.run());
            }
        }
        return HostResult.of(host.name(), results);
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
