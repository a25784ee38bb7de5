package dev.nodefix.executor;

import dev.nodefix.engine.HostOutcome;
import dev.nodefix.engine.HostResult;
import dev.nodefix.engine.TaskPlan;
import dev.nodefix.engine.TaskSteps;
import dev.nodefix.expr.ExpressionException;
import dev.nodefix.inventory.Host;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.PlayTask;
import dev.nodefix.query.StateException;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run of a confirmed plan: play by play, batch by batch ({@link PlayBatches}), each batch's hosts in
 * parallel: node lock, facts, tasks journaled (held to the confirmed plan until a task changed the host), then
 * the handlers the batch's changes notified, then the {@link HealthGate}. It stops before the next batch when
 * the failures exceed the play's {@code max_fail_percentage} (any, with {@code any_errors_fatal}) or the gate
 * fails. Only hosts with planned changes run; the others keep their plan's lines.
 */
final class ApplyPass {
    private static final String KEPT_LOCK = "the node stays locked by this run";

    private final PlayContext ctx;
    private final HealthGate gate;

    ApplyPass(PlayContext ctx, HealthGate gate) {
        this.ctx = ctx;
        this.gate = gate;
    }

    /**
     * Applies the plan's changing hosts play by play, batch by batch.
     *
     * @param shown the plan the user confirmed
     */
    public PlaybookResult apply(PlaybookPlan shown, RunJournal journal, Entry.Started started, String holder,
                                PlayEvents events) {
        Map<String, PlaybookPlan.Host> planned = new HashMap<>();
        shown.hosts().forEach(h -> planned.put(h.name(), h));
        Set<String> running = new LinkedHashSet<>();
        shown.changing().forEach(h -> running.add(h.name()));
        Apply state = new Apply(journal, started, holder, planned);
        ctx.tell(events);
        try {
            return run(shown, running, state, events);
        } finally {
            unlockAll(state);
        }
    }

    private PlaybookResult run(PlaybookPlan shown, Set<String> running, Apply state, PlayEvents events) {
        List<TaskLine> lines = new ArrayList<>();
        for (int p = 0; p < ctx.book.plays().size(); p++) {
            Play play = ctx.book.plays().get(p);
            List<Host> hosts = ctx.playHosts(play).stream().filter(h -> running.contains(h.name())
                    && !state.failed.contains(h.name())).toList();
            if (hosts.isEmpty()) {
                continue;
            }
            List<List<Host>> batches = ctx.batching.of(play, hosts, shown);
            events.play(p, play.name(), batches.stream().map(b -> b.stream().map(Host::name).toList()).toList());
            for (int b = 0; b < batches.size(); b++) {
                List<Host> batch = batches.get(b);
                Optional<String> stop = interrupted();
                if (stop.isEmpty()) {
                    List<TaskLine> batchLines = runBatch(p, play, batch, state, events);
                    lines.addAll(batchLines);
                    events.batch(p, b, batchLines);
                    stop = afterBatch(p, b, play, batch, batchLines, state, events,
                            batches.size() > 1 || ctx.batching.gatesOneBatch());
                }
                if (stop.isPresent()) {
                    lines.addAll(notReached(p, running, lines));
                    return new PlaybookResult(withUnrun(lines, shown, running), stop,
                            batch.stream().map(Host::name).toList());
                }
            }
        }
        return new PlaybookResult(withUnrun(lines, shown, running), Optional.empty(), List.of());
    }

    /** Ctrl-C (the shell interrupts the thread running the command): no further batch starts. */
    private static Optional<String> interrupted() {
        return Thread.currentThread().isInterrupted() ? Optional.of("interrupted: no further batch was started")
                : Optional.empty();
    }

    /** Why the run stops after this batch: too many failures, or a failed health gate after a change. */
    private Optional<String> afterBatch(int p, int b, Play play, List<Host> batch, List<TaskLine> batchLines,
                                        Apply state, PlayEvents events, boolean gated) {
        long failedHosts = batch.stream().filter(h -> state.failed.contains(h.name())).count();
        Optional<String> stop = stopReason(play, batch.size(), failedHosts).or(ApplyPass::interrupted);
        if (stop.isPresent() || !gated || batchLines.stream().noneMatch(l -> !l.changes().isEmpty())) {
            return stop;
        }
        List<Host> healthy = batch.stream().filter(h -> !state.failed.contains(h.name())).toList();
        TaskSteps steps = ctx.lockSteps();
        Optional<String> problem = gate.check(healthy, h -> new TaskRunner.On(h, ctx.context(h), ctx.connections.get(h),
                steps), ctx.server(), ctx::nodeName, events::gateWaiting);
        events.gate(p, b, healthy.stream().map(Host::name).toList(), problem);
        String where = "health gate after batch " + (b + 1) + " of play \"" + play.name() + "\" failed: ";
        return problem.map(why -> where + why);
    }

    private Optional<String> stopReason(Play play, int batchSize, long failed) {
        if (failed == 0) {
            return Optional.empty();
        }
        if (play.anyErrorsFatal()) {
            return Optional.of(failed + " host(s) failed in play \"" + play.name() + "\", which has any_errors_fatal");
        }
        if (play.maxFailPercentage().isPresent() && failed * 100.0 / batchSize > play.maxFailPercentage().get()) {
            return Optional.of(failed + " of " + batchSize + " host(s) of the batch failed, above max_fail_percentage "
                    + play.maxFailPercentage().get() + " of play \"" + play.name() + "\"");
        }
        return Optional.empty();
    }

    /** A line for each host that was to be changed but whose batch never came: the run stopped before. */
    private static List<TaskLine> notReached(int play, Set<String> running, List<TaskLine> lines) {
        Set<String> reached = new java.util.HashSet<>();
        lines.forEach(l -> reached.add(l.host()));
        return running.stream().filter(h -> !reached.contains(h)).map(h -> new TaskLine(play, 0, "not reached", h,
                TaskLine.Status.SKIPPED, false, false, "the run stopped before this host's batch; nothing changed here",
                List.of(), List.of())).toList();
    }

    /** The lines of the hosts that were not run (nothing to change, or their plan failed), from their plan. */
    private static List<TaskLine> withUnrun(List<TaskLine> lines, PlaybookPlan shown, Set<String> running) {
        List<TaskLine> out = new ArrayList<>(lines);
        shown.hosts().stream().filter(h -> !running.contains(h.name()))
                .forEach(h -> out.addAll(h.notRun("this host's plan fails further on")));
        return out;
    }

    /** A run's state across batches: the journal, who failed, who changed, each host's sequence ctx.numbers. */
    private static final class Apply {
        final RunJournal journal;
        final Entry.Started started;
        final String holder;
        final Map<String, PlaybookPlan.Host> planned;
        final Set<String> failed = ConcurrentHashMap.newKeySet();
        final Set<String> changed = ConcurrentHashMap.newKeySet();
        final Set<String> locked = ConcurrentHashMap.newKeySet();
        final Set<String> keepLocked = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> seqs = new ConcurrentHashMap<>();

        Apply(RunJournal journal, Entry.Started started, String holder, Map<String, PlaybookPlan.Host> planned) {
            this.journal = journal;
            this.started = started;
            this.holder = holder;
            this.planned = planned;
        }
    }

    /** One host's share of a batch's task phase: its lines, its scope (handlers read it), what it notified. */
    private record HostPart(List<TaskLine> lines, HostScope scope, Set<String> notified) {
    }

    private List<TaskLine> runBatch(int p, Play play, List<Host> batch, Apply state, PlayEvents events) {
        Map<String, HostPart> parts = new ConcurrentHashMap<>();
        for (HostOutcome<HostPart> o : ctx.fanOut.run(batch,
                h -> locked(h, play, state, t -> tasksOn(h, t, p, play, state)),
                o -> events.hostDone(o.host().name(), o instanceof HostOutcome.Succeeded<HostPart> ok
                        && ok.value().lines().stream().noneMatch(TaskLine::failing)))) {
            parts.put(o.host().name(), partOf(o, p, state));
        }
        List<Host> notified = batch.stream().filter(h -> !parts.get(h.name()).notified().isEmpty()
                && !state.failed.contains(h.name())).toList();
        Map<String, HostPart> handled = new ConcurrentHashMap<>();
        if (!notified.isEmpty()) {
            for (HostOutcome<HostPart> o : ctx.fanOut.run(notified, h -> locked(h, play, state,
                    t -> handlersOn(h, t, p, play, parts.get(h.name()), state)))) {
                handled.put(o.host().name(), partOf(o, p, state));
            }
        }
        List<TaskLine> out = new ArrayList<>();
        batch.forEach(h -> out.addAll(parts.get(h.name()).lines()));
        batch.forEach(h -> out.addAll(handled.containsKey(h.name()) ? handled.get(h.name()).lines() : List.of()));
        return out;
    }

    /** A host's part, or one failing line when its work ended in an error nothing else caught. */
    private static HostPart partOf(HostOutcome<HostPart> o, int p, Apply state) {
        if (o instanceof HostOutcome.Succeeded<HostPart> ok) {
            return ok.value();
        }
        state.failed.add(o.host().name());
        return new HostPart(List.of(PlayContext.crashLine(o, p, "run")), null, Set.of());
    }

    /** Runs {@code work} under the node's lock; a host that cannot be locked or reached fails with one line. */
    /**
     * Runs {@code work} on the host under the node's lock, taken at the host's first phase of the run and held
     * until the run ends ({@link #unlockAll}), so no other run changes the node between its batches, handlers and
     * plays. A host that cannot be locked or reached fails with one line.
     */
    private HostPart locked(Host host, Play play, Apply state, java.util.function.Function<Transport, HostPart> work) {
        int p = ctx.book.plays().indexOf(play);
        Transport t;
        try {
            t = ctx.connections.get(host);
            if (!state.locked.contains(host.name())) {
                Optional<HostResult> refused = ctx.lockSteps().lock(t, host, state.started, state.holder);
                if (refused.isPresent()) {
                    state.failed.add(host.name());
                    return new HostPart(List.of(new TaskLine(p, 0, "lock " + host.name(), host.name(),
                            TaskLine.Status.FAILED, false, false, refused.get().message(), List.of(), List.of())), null,
                            Set.of());
                }
                state.locked.add(host.name());
                state.journal.append(host.name(), state.started);
            }
        } catch (TransportException e) {
            state.failed.add(host.name());
            return new HostPart(List.of(PlayContext.hostLine(p, host, e)), null, Set.of());
        }
        HostPart part = work.apply(t);
        if (part.lines().stream().anyMatch(l -> l.detail().contains(KEPT_LOCK))) {
            state.keepLocked.add(host.name());
        }
        if (part.lines().stream().anyMatch(TaskLine::failing)) {
            state.failed.add(host.name());
        }
        return part;
    }

    /** Releases every lock the run took, but those of hosts where a change may still be running. */
    private void unlockAll(Apply state) {
        for (String name : state.locked) {
            if (state.keepLocked.contains(name)) {
                continue;
            }
            Host host = ctx.inventory.hosts().get(name);
            try {
                ctx.lockSteps().unlock(ctx.connections.get(host), host, state.started.run());
            } catch (TransportException e) {
                // unreachable now: the lock stays and names this run, which is the truth
            }
        }
    }

    private HostPart tasksOn(Host host, Transport t, int p, Play play, Apply state) {
        List<TaskLine> lines = new ArrayList<>();
        Set<String> notified = new LinkedHashSet<>();
        HostScope scope = null;
        try {
            Object gathered = play.gatherFacts() ? ctx.gather(t, host, ctx.hostSteps(play)) : Map.of();
            scope = HostScope.of(ctx.expressions, host, gathered, ctx.options.extraVars(), play.vars());
            for (PlayTask task : ctx.tasks(play)) {
                TaskLine line = applyOne(host, t, p, play, task, scope, false, state);
                lines.add(line);
                if (line.status() == TaskLine.Status.CHANGED) {
                    notified.addAll(task.notifies());
                }
                if (line.failing()) {
                    break;
                }
            }
        } catch (TransportException | StateException | ExpressionException e) {
            lines.add(PlayContext.hostLine(p, host, e));
        }
        return new HostPart(lines, scope, notified);
    }

    private HostPart handlersOn(Host host, Transport t, int p, Play play, HostPart part, Apply state) {
        List<TaskLine> lines = new ArrayList<>();
        try {
            for (PlayTask handler : PlayContext.handlers(play, part.notified())) {
                TaskLine line = applyOne(host, t, p, play, handler, part.scope(), true, state);
                lines.add(line);
                if (line.failing()) {
                    break;
                }
            }
        } catch (TransportException | StateException | ExpressionException e) {
            lines.add(PlayContext.hostLine(p, host, e));
        }
        return new HostPart(lines, part.scope(), Set.of());
    }

    private TaskLine applyOne(Host host, Transport t, int p, Play play, PlayTask task, HostScope scope, boolean handler,
                              Apply state) {
        int number = ctx.numbers.get(task);
        Optional<TaskPlan> confirmed = state.changed.contains(host.name()) ? Optional.empty()
                : Optional.ofNullable(state.planned.get(host.name())).map(h -> h.plans().get(number));
        AtomicInteger seq = state.seqs.computeIfAbsent(host.name(), k -> new AtomicInteger());
        TaskRunner.Step step;
        try {
            step = ctx.runner.apply(ctx.on(host, t, play, task), p, number, task, scope, handler, confirmed,
                    state.journal, state.started.run(), seq::incrementAndGet, ctx.events());
        } catch (TransportException e) {
            boolean keep = TaskSteps.keepsLock(e);
            return new TaskLine(p, number, task.title(), host.name(), e.failure().unreachable()
                    ? TaskLine.Status.UNREACHABLE : TaskLine.Status.FAILED, false, handler, e.getMessage()
                    + (keep ? " (" + KEPT_LOCK + ": the change may still be running)" : ""), List.of(), List.of());
        }
        if (!step.line().changes().isEmpty()) {
            state.changed.add(host.name());
        }
        return step.line();
    }
}
