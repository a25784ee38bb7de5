package dev.nodefix.play;

import dev.nodefix.engine.HostOutcome;
import dev.nodefix.engine.TaskPlan;
import dev.nodefix.engine.TaskSteps;
import dev.nodefix.expr.ExpressionException;
import dev.nodefix.inventory.Host;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.PlayTask;
import dev.nodefix.state.Query;
import dev.nodefix.state.StateException;
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

    private PlaybookPlan.Host planHost(Host host) {
        List<TaskLine> lines = new ArrayList<>();
        Map<Integer, TaskPlan> plans = new HashMap<>();
        Transport t = ctx.connections.get(host);
        Object gathered = null;
        boolean pending = false;
        Map<Query, Object> cache = new HashMap<>();
        for (int p = 0; p < ctx.book.plays().size(); p++) {
            Play play = ctx.book.plays().get(p);
            if (ctx.playHosts(play).stream().noneMatch(h -> h.name().equals(host.name()))) {
                continue;
            }
            TaskSteps steps = ctx.hostSteps(play);
            try {
                if (play.gatherFacts() && gathered == null) {
                    gathered = ctx.gather(t, host, steps, cache);
                }
                HostScope scope = HostScope.of(ctx.expressions, host, play.gatherFacts() ? gathered : Map.of(),
                        ctx.options.extraVars(), play.vars());
                prefetch(host, t, play, scope, pending, cache);
                Set<String> notified = new LinkedHashSet<>();
                for (PlayTask task : ctx.tasks(play)) {
                    TaskRunner.Step step = ctx.runner.plan(ctx.on(host, t, play, task), p, ctx.numbers.get(task), task,
                            scope, false,
                            pending, cache);
                    record(step, lines, plans);
                    if (step.line().status() == TaskLine.Status.CHANGED) {
                        notified.addAll(task.notifies());
                    }
                    // a deferred task may change the host too: what follows is decided when run
                    pending |= step.line().status() == TaskLine.Status.CHANGED
                            || step.line().status() == TaskLine.Status.DEFERRED;
                    if (step.line().failing()) {
                        return new PlaybookPlan.Host(host.name(), lines, plans);
                    }
                }
                for (PlayTask handler : PlayContext.handlers(play, notified)) {
                    TaskRunner.Step step = ctx.runner.plan(ctx.on(host, t, play, handler), p, ctx.numbers.get(handler),
                            handler, scope,
                            true, true, cache);
                    record(step, lines, plans);
                    if (step.line().failing()) {
                        return new PlaybookPlan.Host(host.name(), lines, plans);
                    }
                }
            } catch (TransportException | StateException | ExpressionException e) {
                lines.add(PlayContext.hostLine(p, host, e));
                return new PlaybookPlan.Host(host.name(), lines, plans);
            }
        }
        return new PlaybookPlan.Host(host.name(), lines, plans);
    }

    /**
     * Reads, in one round trip, what the play's tasks will read as far as they can be bound now: a plan that
     * changes nothing then reads each piece of state once.
     */
    private void prefetch(Host host, Transport t, Play play, HostScope scope, boolean pending,
                          Map<Query, Object> cache) {
        List<Query> reads = new ArrayList<>();
        for (PlayTask task : ctx.tasks(play)) {
            TaskRunner.On on = ctx.on(host, t, play, task);
            ctx.runner.reads(on, task, scope, pending).forEach(reads::add);
        }
        ctx.hostSteps(play).read(t, host, reads, cache);
    }

    private static void record(TaskRunner.Step step, List<TaskLine> lines, Map<Integer, TaskPlan> plans) {
        lines.add(step.line());
        step.plan().ifPresent(plan -> plans.put(step.line().number(), plan));
    }
}
