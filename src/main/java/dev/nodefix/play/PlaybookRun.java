package dev.nodefix.play;

import dev.nodefix.engine.BecomeRule;
import dev.nodefix.engine.Connections;
import dev.nodefix.engine.FanOut;
import dev.nodefix.engine.HostOutcome;
import dev.nodefix.engine.HostResult;
import dev.nodefix.engine.TaskPlan;
import dev.nodefix.engine.TaskSteps;
import dev.nodefix.expr.ExpressionException;
import dev.nodefix.expr.Expressions;
import dev.nodefix.fact.PlainData;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.InventoryException;
import dev.nodefix.inventory.Role;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.module.HostContext;
import dev.nodefix.module.ModuleRegistry;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.PlayTask;
import dev.nodefix.playbook.Playbook;
import dev.nodefix.state.FactsQuery;
import dev.nodefix.state.Query;
import dev.nodefix.state.StateException;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a playbook over an inventory. {@link #plan} goes through every play on every host reading and planning
 * only (checks run for real unless changes planned before them may decide them). {@link #apply} goes play by
 * play, batch by batch ({@link PlayBatches}), each batch's hosts in parallel: node lock, facts, tasks journaled
 * (held to the confirmed plan until a task changed the host), then the handlers the batch's changes notified,
 * then the {@link HealthGate}; it stops before the next batch when the failures exceed the play's
 * {@code max_fail_percentage} (or any failure with {@code any_errors_fatal}) or the gate fails. Only hosts with
 * planned changes are run; the others keep their plan's lines.
 */
public final class PlaybookRun {
    private final Playbook book;
    private final Inventory inventory;
    private final List<Host> selected;
    private final PlayOptions options;
    private final Connections connections;
    private final FanOut fanOut;
    private final TaskSteps asIs;
    private final TaskSteps escalated;
    private final TaskRunner runner;
    private final HealthGate gate;
    private final Expressions expressions;
    private final Map<PlayTask, Integer> numbers = new IdentityHashMap<>();
    private final FactsQuery facts = FactsQuery.shipped();

    /**
     * @param selected the hosts {@code --limit} leaves (every play's own pattern applies within them)
     */
    public PlaybookRun(Playbook book, Inventory inventory, List<Host> selected, PlayOptions options,
                       Connections connections, int forks, BecomeRule become, boolean breakLock, ModuleRegistry registry,
                       TaskRunner.Sleeper sleeper) {
        this.book = book;
        this.inventory = inventory;
        this.selected = List.copyOf(selected);
        this.options = options;
        this.connections = connections;
        this.fanOut = new FanOut(forks);
        this.asIs = new TaskSteps(become, breakLock);
        this.escalated = new TaskSteps(new BecomeRule(true, become.user(), become.password()), breakLock);
        this.runner = new TaskRunner(registry, sleeper);
        this.gate = new HealthGate(registry, options.gateTimeout(), sleeper, forks);
        this.expressions = new Expressions();
        int n = 0;
        for (Play play : book.plays()) {
            for (PlayTask t : play.tasks()) {
                numbers.put(t, ++n);
            }
            for (PlayTask h : play.handlers()) {
                numbers.put(h, ++n);
            }
        }
    }

    /** Sleeps for real. */
    public static TaskRunner.Sleeper realSleeper() {
        return d -> {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        };
    }

    /** Every host any play selects, in inventory order. */
    public List<Host> hosts() {
        Set<String> in = new LinkedHashSet<>();
        for (Play play : book.plays()) {
            playHosts(play).forEach(h -> in.add(h.name()));
        }
        return selected.stream().filter(h -> in.contains(h.name())).toList();
    }

    private List<Host> playHosts(Play play) {
        List<Host> matched;
        try {
            matched = inventory.select(play.hosts());
        } catch (InventoryException e) {
            return List.of();
        }
        Set<String> names = new java.util.HashSet<>();
        matched.forEach(h -> names.add(h.name()));
        return selected.stream().filter(h -> names.contains(h.name())).toList();
    }

    // ---- plan

    /** Reads and plans every play on every host; nothing changes. */
    public PlaybookPlan plan(PlayEvents events) {
        List<PlaybookPlan.Host> hosts = new ArrayList<>();
        for (HostOutcome<PlaybookPlan.Host> o : fanOut.run(hosts(), this::planHost,
                o -> events.hostDone(o.host().name(), o instanceof HostOutcome.Succeeded<?> s
                        && !((PlaybookPlan.Host) s.value()).failing()))) {
            hosts.add(o instanceof HostOutcome.Succeeded<PlaybookPlan.Host> ok ? ok.value()
                    : new PlaybookPlan.Host(o.host().name(), List.of(crashLine(o)), Map.of()));
        }
        Optional<String> fatal = Optional.empty();
        for (int p = 0; p < book.plays().size() && fatal.isEmpty(); p++) {
            Play play = book.plays().get(p);
            int index = p;
            if (play.anyErrorsFatal()) {
                fatal = hosts.stream().flatMap(h -> h.lines().stream()).filter(l -> l.play() == index && l.failing())
                        .findFirst().map(l -> "play \"" + play.name() + "\" has any_errors_fatal and " + l.host()
                                + " fails \"" + l.title() + "\": " + l.detail());
            }
        }
        return new PlaybookPlan(hosts, fatal);
    }

    private PlaybookPlan.Host planHost(Host host) {
        List<TaskLine> lines = new ArrayList<>();
        Map<Integer, TaskPlan> plans = new HashMap<>();
        Transport t = connections.get(host);
        Object gathered = null;
        boolean pending = false;
        Map<Query, Object> cache = new HashMap<>();
        for (int p = 0; p < book.plays().size(); p++) {
            Play play = book.plays().get(p);
            if (playHosts(play).stream().noneMatch(h -> h.name().equals(host.name()))) {
                continue;
            }
            TaskSteps steps = hostSteps(play);
            try {
                if (play.gatherFacts() && gathered == null) {
                    gathered = gather(t, host, steps, cache);
                }
                HostScope scope = HostScope.of(expressions, host, play.gatherFacts() ? gathered : Map.of(),
                        options.extraVars(), play.vars());
                prefetch(host, t, play, scope, pending, cache);
                Set<String> notified = new LinkedHashSet<>();
                for (PlayTask task : tasks(play)) {
                    TaskRunner.Step step = runner.plan(on(host, t, play, task), p, numbers.get(task), task, scope, false,
                            pending, cache);
                    record(step, lines, plans);
                    if (step.line().status() == TaskLine.Status.CHANGED) {
                        pending = true;
                        notified.addAll(task.notifies());
                    }
                    if (step.line().failing()) {
                        return new PlaybookPlan.Host(host.name(), lines, plans);
                    }
                }
                for (PlayTask handler : handlers(play, notified)) {
                    TaskRunner.Step step = runner.plan(on(host, t, play, handler), p, numbers.get(handler), handler, scope,
                            true, true, cache);
                    record(step, lines, plans);
                    if (step.line().failing()) {
                        return new PlaybookPlan.Host(host.name(), lines, plans);
                    }
                }
            } catch (TransportException | StateException | ExpressionException e) {
                lines.add(hostLine(p, host, e));
                return new PlaybookPlan.Host(host.name(), lines, plans);
            }
        }
        return new PlaybookPlan.Host(host.name(), lines, plans);
    }

    /**
     * Reads, in one round trip, what the play's tasks will read as far as they can be bound now: a plan that
     * changes nothing then reads each piece of state once.
     */
    private void prefetch(Host host, Transport t, Play play, HostScope scope, boolean pending, Map<Query, Object> cache) {
        List<Query> reads = new ArrayList<>();
        for (PlayTask task : tasks(play)) {
            TaskRunner.On on = on(host, t, play, task);
            runner.reads(on, task, scope, pending).forEach(reads::add);
        }
        hostSteps(play).read(t, host, reads, cache);
    }

    private static void record(TaskRunner.Step step, List<TaskLine> lines, Map<Integer, TaskPlan> plans) {
        lines.add(step.line());
        step.plan().ifPresent(plan -> plans.put(step.line().number(), plan));
    }

    // ---- apply

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
        List<TaskLine> lines = new ArrayList<>();
        for (int p = 0; p < book.plays().size(); p++) {
            Play play = book.plays().get(p);
            List<Host> hosts = playHosts(play).stream().filter(h -> running.contains(h.name())
                    && !state.failed.contains(h.name())).toList();
            if (hosts.isEmpty()) {
                continue;
            }
            List<List<Host>> batches = PlayBatches.of(hosts, play.order(), options.serial().orElse(play.serial()));
            events.play(p, play.name(), batches.stream().map(b -> b.stream().map(Host::name).toList()).toList());
            for (int b = 0; b < batches.size(); b++) {
                List<Host> batch = batches.get(b);
                List<TaskLine> batchLines = runBatch(p, play, batch, state, events);
                lines.addAll(batchLines);
                events.batch(p, b, batchLines);
                long failedHosts = batch.stream().filter(h -> state.failed.contains(h.name())).count();
                Optional<String> stop = stopReason(play, batch.size(), failedHosts);
                boolean changed = batchLines.stream().anyMatch(l -> l.status() == TaskLine.Status.CHANGED);
                if (stop.isEmpty() && changed) {
                    List<Host> healthy = batch.stream().filter(h -> !state.failed.contains(h.name())).toList();
                    Optional<String> problem = gate.check(healthy, h -> on(h, connections.get(h), play, null), server());
                    events.gate(p, b, healthy.stream().map(Host::name).toList(), problem);
                    String where = "health gate after batch " + (b + 1) + " of play \"" + play.name() + "\" failed: ";
                    stop = problem.map(why -> where + why);
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
        shown.hosts().stream().filter(h -> !running.contains(h.name())).forEach(h -> out.addAll(h.lines()));
        return out;
    }

    /** A run's state across batches: the journal, who failed, who changed, each host's sequence numbers. */
    private static final class Apply {
        final RunJournal journal;
        final Entry.Started started;
        final String holder;
        final Map<String, PlaybookPlan.Host> planned;
        final Set<String> failed = ConcurrentHashMap.newKeySet();
        final Set<String> changed = ConcurrentHashMap.newKeySet();
        final Set<String> journaled = ConcurrentHashMap.newKeySet();
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
        fanOut.run(batch, h -> {
            HostPart part = locked(h, play, state, t -> tasksOn(h, t, p, play, state));
            parts.put(h.name(), part);
            events.hostDone(h.name(), part.lines().stream().noneMatch(TaskLine::failing));
            return part;
        });
        List<Host> notified = batch.stream().filter(h -> parts.containsKey(h.name())
                && !parts.get(h.name()).notified().isEmpty() && !state.failed.contains(h.name())).toList();
        Map<String, List<TaskLine>> handled = new ConcurrentHashMap<>();
        if (!notified.isEmpty()) {
            fanOut.run(notified, h -> {
                HostPart part = parts.get(h.name());
                HostPart done = locked(h, play, state, t -> handlersOn(h, t, p, play, part, state));
                handled.put(h.name(), done.lines());
                return done;
            });
        }
        List<TaskLine> out = new ArrayList<>();
        for (Host h : batch) {
            out.addAll(parts.getOrDefault(h.name(), new HostPart(List.of(), null, Set.of())).lines());
        }
        for (Host h : batch) {
            out.addAll(handled.getOrDefault(h.name(), List.of()));
        }
        return out;
    }

    /** Runs {@code work} under the node's lock; a host that cannot be locked or reached fails with one line. */
    private HostPart locked(Host host, Play play, Apply state, java.util.function.Function<Transport, HostPart> work) {
        int p = book.plays().indexOf(play);
        TaskSteps steps = hostSteps(play);
        Transport t;
        try {
            t = connections.get(host);
            Optional<HostResult> refused = steps.lock(t, host, state.started, state.holder);
            if (refused.isPresent()) {
                state.failed.add(host.name());
                return new HostPart(List.of(new TaskLine(p, 0, "lock " + host.name(), host.name(),
                        TaskLine.Status.FAILED, false, false, refused.get().message(), List.of(), List.of())), null, Set.of());
            }
            if (state.journaled.add(host.name())) {
                state.journal.append(host.name(), state.started);
            }
        } catch (TransportException e) {
            state.failed.add(host.name());
            return new HostPart(List.of(hostLine(p, host, e)), null, Set.of());
        }
        boolean keepLock = false;
        try {
            HostPart part = work.apply(t);
            keepLock = part.lines().stream().anyMatch(l -> l.detail().contains(KEPT_LOCK));
            if (part.lines().stream().anyMatch(TaskLine::failing)) {
                state.failed.add(host.name());
            }
            return part;
        } finally {
            if (!keepLock) {
                steps.unlock(t, host, state.started.run());
            }
        }
    }

    private static final String KEPT_LOCK = "the node stays locked by this run";

    private HostPart tasksOn(Host host, Transport t, int p, Play play, Apply state) {
        List<TaskLine> lines = new ArrayList<>();
        Set<String> notified = new LinkedHashSet<>();
        HostScope scope = null;
        try {
            Object gathered = play.gatherFacts() ? gather(t, host, hostSteps(play)) : Map.of();
            scope = HostScope.of(expressions, host, gathered, options.extraVars(), play.vars());
            for (PlayTask task : tasks(play)) {
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
            lines.add(hostLine(p, host, e));
        }
        return new HostPart(lines, scope, notified);
    }

    private HostPart handlersOn(Host host, Transport t, int p, Play play, HostPart part, Apply state) {
        List<TaskLine> lines = new ArrayList<>();
        try {
            for (PlayTask handler : handlers(play, part.notified())) {
                TaskLine line = applyOne(host, t, p, play, handler, part.scope(), true, state);
                lines.add(line);
                if (line.failing()) {
                    break;
                }
            }
        } catch (TransportException | StateException | ExpressionException e) {
            lines.add(hostLine(p, host, e));
        }
        return new HostPart(lines, part.scope(), Set.of());
    }

    private TaskLine applyOne(Host host, Transport t, int p, Play play, PlayTask task, HostScope scope, boolean handler,
                              Apply state) {
        int number = numbers.get(task);
        Optional<TaskPlan> confirmed = state.changed.contains(host.name()) ? Optional.empty()
                : Optional.ofNullable(state.planned.get(host.name())).map(h -> h.plans().get(number));
        AtomicInteger seq = state.seqs.computeIfAbsent(host.name(), k -> new AtomicInteger());
        TaskRunner.Step step;
        try {
            step = runner.apply(on(host, t, play, task), p, number, task, scope, handler, confirmed, state.journal,
                    state.started.run(), seq::incrementAndGet);
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

    // ---- shared

    private List<PlayTask> tasks(Play play) {
        return play.tasks().stream().filter(options::selects).toList();
    }

    /** The play's handlers notified by name, in the order they are defined. */
    private static List<PlayTask> handlers(Play play, Set<String> notified) {
        return play.handlers().stream().filter(h -> notified.contains(h.name())).toList();
    }

    private Object gather(Transport t, Host host, TaskSteps steps) {
        return gather(t, host, steps, new HashMap<>());
    }

    /** The host's facts as plain data (the cache keeps them for an assert that reads the same). */
    private Object gather(Transport t, Host host, TaskSteps steps, Map<Query, Object> cache) {
        FactsQuery q = facts.withPeers(context(host).peers());
        steps.read(t, host, List.of(q), cache);
        return PlainData.of(cache.get(q));
    }

    private TaskRunner.On on(Host host, Transport t, Play play, PlayTask task) {
        boolean become = task == null ? play.become().orElse(false)
                : task.become().or(play::become).orElse(false);
        return new TaskRunner.On(host, context(host), t, become ? escalated : asIs);
    }

    /** The steps for what concerns the whole host (lock, facts): escalated when any task of the play is. */
    private TaskSteps hostSteps(Play play) {
        boolean any = play.become().orElse(false) || play.tasks().stream().anyMatch(t -> t.become().orElse(false))
                || play.handlers().stream().anyMatch(t -> t.become().orElse(false));
        return any ? escalated : asIs;
    }

    /** The host among the inventory's nodes: every other host's address is a peer (for the L2 preflight). */
    private HostContext context(Host host) {
        return new HostContext(host.name(), inventory.hosts().values().stream().filter(h -> !h.name().equals(host.name()))
                .map(h -> h.connection().address()).distinct().toList());
    }

    /** The first server of the selected hosts, else of the inventory: where the gate asks k3s about nodes. */
    private Optional<Host> server() {
        return selected.stream().filter(h -> h.role() == Role.SERVER).findFirst()
                .or(() -> inventory.hosts().values().stream().filter(h -> h.role() == Role.SERVER).findFirst());
    }

    private static TaskLine hostLine(int p, Host host, RuntimeException e) {
        boolean unreachable = e instanceof TransportException te && te.failure().unreachable();
        return new TaskLine(p, 0, unreachable ? "connect" : "read state", host.name(),
                unreachable ? TaskLine.Status.UNREACHABLE : TaskLine.Status.FAILED, false, false, e.getMessage(),
                List.of(), List.of());
    }

    private static TaskLine crashLine(HostOutcome<?> o) {
        String why = o instanceof HostOutcome.Failed<?> f ? f.error().getMessage()
                : o instanceof HostOutcome.Crashed<?> c ? "internal error: " + c.error() : "";
        boolean unreachable = o instanceof HostOutcome.Failed<?> f && f.error().failure().unreachable();
        return new TaskLine(0, 0, "plan", o.host().name(), unreachable ? TaskLine.Status.UNREACHABLE
                : TaskLine.Status.FAILED, false, false, why, List.of(), List.of());
    }
}
