package dev.nodefix.executor;

import dev.nodefix.engine.HostOutcome;
import dev.nodefix.engine.TaskPlan;
import dev.nodefix.engine.TaskSteps;
import dev.nodefix.expr.ExpressionException;
import dev.nodefix.inventory.Host;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.PlayTask;
import dev.nodefix.query.FailedRead;
import dev.nodefix.query.Query;
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

/**
 * The plan of a playbook: every play on every host read and planned, nothing changed. State is read once per
 * host (a play's reads in one round trip, then a cache); checks run for real unless a change planned before
 * them, or a register not known before the run, decides them: those are deferred.
 */
final class PlanPass {
    private final PlayContext ctx;

    PlanPass(PlayContext ctx) {
        this.ctx = ctx;
    }

    /** Reads and plans every play on every host; nothing changes. */
    public PlaybookPlan plan(PlayEvents events) {
        ctx.tell(events);
        List<PlaybookPlan.Host> hosts = new ArrayList<>();
        for (HostOutcome<PlaybookPlan.Host> o : ctx.fanOut.run(ctx.hosts(), this::planHost,
                o -> events.hostDone(o.host().name(), o instanceof HostOutcome.Succeeded<?> s
                        && !((PlaybookPlan.Host) s.value()).failing()))) {
            hosts.add(o instanceof HostOutcome.Succeeded<PlaybookPlan.Host> ok ? ok.value()
                    : new PlaybookPlan.Host(o.host().name(), List.of(PlayContext.crashLine(o)), Map.of()));
        }
        Optional<String> fatal = Optional.empty();
        for (int p = 0; p < ctx.book.plays().size() && fatal.isEmpty(); p++) {
            Play play = ctx.book.plays().get(p);
            int index = p;
            if (play.anyErrorsFatal()) {
                fatal = hosts.stream().flatMap(h -> h.lines().stream()).filter(l -> l.play() == index && l.failing())
                        .findFirst().map(l -> "play \"" + play.name() + "\" has any_errors_fatal and " + l.host()
                                + " fails \"" + l.title() + "\": " + l.detail());
            }
        }
        return new PlaybookPlan(hosts, fatal);
    }

    /** One host's plan in the making: its lines, the plans shown, and state read so far by privilege. */
    private static final class HostPlanning {
        final List<TaskLine> lines = new ArrayList<>();
        final Map<Integer, TaskPlan> plans = new HashMap<>();
        final Map<TaskSteps, Map<Query, Object>> caches = new HashMap<>(); // what sudo sees may differ
        Object gathered;
        boolean pending;

        Map<Query, Object> cache(TaskSteps steps) {
            return caches.computeIfAbsent(steps, k -> new HashMap<>());
        }

        /** Records the step; whether the host's plan goes on. */
        boolean add(TaskRunner.Step step) {
            lines.add(step.line());
            step.plan().ifPresent(plan -> plans.put(step.line().number(), plan));
            // a deferred task may change the host too: what follows is decided when run
            pending |= step.line().status() == TaskLine.Status.CHANGED
                    || step.line().status() == TaskLine.Status.DEFERRED;
            return !step.line().failing();
        }
    }

    private PlaybookPlan.Host planHost(Host host) {
        HostPlanning planning = new HostPlanning();
        Transport t = ctx.connections.get(host);
        try {
            readAhead(host, t, planning);
        } catch (TransportException e) {
            int first = ctx.book.plays().indexOf(ctx.book.plays().stream().filter(play -> inPlay(host, play))
                    .findFirst().orElseThrow());
            planning.lines.add(PlayContext.hostLine(first, host, e));
            return new PlaybookPlan.Host(host.name(), planning.lines, planning.plans);
        }
        for (int p = 0; p < ctx.book.plays().size(); p++) {
            Play play = ctx.book.plays().get(p);
            if (!inPlay(host, play)) {
                continue;
            }
            try {
                if (!planPlay(host, t, p, play, planning)) {
                    break;
                }
            } catch (TransportException | StateException | ExpressionException e) {
                planning.lines.add(PlayContext.hostLine(p, host, e));
                break;
            }
        }
        return new PlaybookPlan.Host(host.name(), planning.lines, planning.plans);
    }

    /** Plans one play's tasks, then the handlers they would notify; whether the host's plan goes on. */
    private boolean planPlay(Host host, Transport t, int p, Play play, HostPlanning planning) {
        TaskSteps steps = ctx.hostSteps(play);
        if (play.gatherFacts() && planning.gathered == null) {
            planning.gathered = ctx.gather(t, host, steps, planning.cache(steps));
        }
        HostScope scope = HostScope.of(ctx.expressions, host, play.gatherFacts() ? planning.gathered : Map.of(),
                ctx.options.extraVars(), play.vars());
        prefetch(host, t, play, scope, planning);
        Set<String> notified = new LinkedHashSet<>();
        for (PlayTask task : ctx.tasks(play)) {
            TaskRunner.On on = ctx.on(host, t, play, task);
            TaskRunner.Step step = ctx.runner.plan(on, p, ctx.numbers.get(task), task, scope, false, planning.pending,
                    planning.cache(on.steps()));
            if (step.line().status() == TaskLine.Status.CHANGED) {
                notified.addAll(task.notifies());
            }
            if (!planning.add(step)) {
                return false;
            }
        }
        for (PlayTask handler : PlayContext.handlers(play, notified)) {
            TaskRunner.On on = ctx.on(host, t, play, handler);
            if (!planning.add(ctx.runner.plan(on, p, ctx.numbers.get(handler), handler, scope, true, true,
                    planning.cache(on.steps())))) {
                return false;
            }
        }
        return true;
    }

    private boolean inPlay(Host host, Play play) {
        return ctx.playHosts(play).stream().anyMatch(h -> h.name().equals(host.name()));
    }

    /**
     * Reads, before any play is planned, in one round trip per privilege (one for the usual play, whose tasks all
     * share its {@code become}), the facts the first gathering play gathers and what every play's tasks will read
     * as far as it can be told before the facts are in ({@link TaskRunner#readsAhead}). A host whose plan changes
     * nothing is so read in one round trip; {@link #prefetch} and the tasks read what this could not tell, and
     * everything when the read ahead timed out (a guessed read that hangs costs its wait, not the host).
     * Reads as another user stay apart: sudo's environment and rights may show a node otherwise than the login
     * user's, and a task is planned on what its own user sees.
     */
    private void readAhead(Host host, Transport t, HostPlanning planning) {
        Map<TaskSteps, List<Query>> reads = new java.util.LinkedHashMap<>();
        boolean facts = false;
        for (Play play : ctx.book.plays()) {
            if (!inPlay(host, play)) {
                continue;
            }
            if (play.gatherFacts() && !facts) {
                reads.computeIfAbsent(ctx.hostSteps(play), k -> new ArrayList<>()).add(0, ctx.gathered(host));
                facts = true;
            }
            HostScope scope;
            try {
                scope = play.gatherFacts()
                        ? HostScope.beforeFacts(ctx.expressions, host, ctx.options.extraVars(), play.vars())
                        : HostScope.of(ctx.expressions, host, Map.of(), ctx.options.extraVars(), play.vars());
            } catch (ExpressionException e) {
                continue; // its vars need the facts: its tasks are read when planned
            }
            for (PlayTask task : ctx.tasks(play)) {
                TaskRunner.On on = ctx.on(host, t, play, task);
                reads.computeIfAbsent(on.steps(), k -> new ArrayList<>()).addAll(ctx.runner.readsAhead(on, task, scope));
            }
        }
        reads.forEach((steps, queries) -> steps.readAhead(t, host, queries, planning.cache(steps)));
    }

    /**
     * Reads, in one round trip per privilege, what the play's tasks will read as far as they can be bound now: a
     * plan that changes nothing then reads each piece of state once. A query whose read ahead failed is not read
     * again here: the task that needs it fails on it when planned, after the tasks before it are planned.
     */
    private void prefetch(Host host, Transport t, Play play, HostScope scope, HostPlanning planning) {
        Map<TaskSteps, List<Query>> reads = new HashMap<>();
        for (PlayTask task : ctx.tasks(play)) {
            TaskRunner.On on = ctx.on(host, t, play, task);
            reads.computeIfAbsent(on.steps(), k -> new ArrayList<>())
                    .addAll(ctx.runner.reads(on, task, scope, planning.pending));
        }
        reads.forEach((steps, queries) -> {
            Map<Query, Object> cache = planning.cache(steps);
            steps.read(t, host, queries.stream().filter(q -> !(cache.get(q) instanceof FailedRead)).toList(), cache);
        });
    }
}
