package dev.nodefix.executor;

import dev.nodefix.engine.BecomeRule;
import dev.nodefix.engine.Connections;
import dev.nodefix.engine.HostOutcome;
import dev.nodefix.expr.Expressions;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.module.ModuleRegistry;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.Playbook;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a playbook over an inventory: {@link #plan} reads and plans every play on every host and changes
 * nothing ({@link PlanPass}); {@link #apply} runs the confirmed plan in rolling batches, journaled
 * ({@link ApplyPass}).
 */
public final class PlaybookRun {
    private final PlayContext ctx;
    private final HealthGate gate;

    /**
     * @param selected the hosts {@code --limit} leaves (every play's own pattern applies within them)
     */
    public PlaybookRun(Playbook book, Inventory inventory, List<Host> selected, PlayOptions options,
                       Connections connections, int forks, BecomeRule become, boolean breakLock,
                       ModuleRegistry registry, Expressions expressions, TaskRunner.Sleeper sleeper) {
        this(book, inventory, selected, options, connections, forks, become, breakLock, registry, expressions, sleeper,
                Batching.play(options), GivenTasks.NONE);
    }

    /**
     * A generated play ({@code run -m}, a rollback): its batches as {@code batching} says, and the tasks whose plan
     * the caller gives per host.
     */
    public PlaybookRun(Playbook book, Inventory inventory, List<Host> selected, PlayOptions options,
                       Connections connections, int forks, BecomeRule become, boolean breakLock,
                       ModuleRegistry registry, Expressions expressions, TaskRunner.Sleeper sleeper,
                       Batching batching, GivenTasks given) {
        this.ctx = new PlayContext(book, inventory, selected, options, connections, forks, become, breakLock,
                expressions, new TaskRunner(registry, sleeper, given), batching);
        this.gate = new HealthGate(registry, options.gateTimeout(), sleeper, forks);
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
        return ctx.hosts();
    }

    /** Reads and plans every play on every host; nothing changes. */
    public PlaybookPlan plan(PlayEvents events) {
        return new PlanPass(ctx).plan(events);
    }

    /**
     * The batches each play goes through the hosts the plan changes, by play index, as {@link #apply} runs them
     * (the run's {@link Batching}: for a playbook, servers alone first, then {@code serial} batches); a play that
     * changes no host has none.
     */
    public List<List<List<String>>> batches(PlaybookPlan plan) {
        Set<String> changing = new HashSet<>();
        plan.changing().forEach(h -> changing.add(h.name()));
        List<List<List<String>>> out = new ArrayList<>();
        for (Play play : ctx.book.plays()) {
            List<Host> hosts = ctx.playHosts(play).stream().filter(h -> changing.contains(h.name())).toList();
            out.add(hosts.isEmpty() ? List.of() : ctx.batching.of(play, hosts, plan).stream()
                    .map(b -> b.stream().map(Host::name).toList()).toList());
        }
        return out;
    }

    /**
     * {@code --break-lock} on the hosts the plan leaves alone (the run breaks the locks of those it changes
     * itself): their locks are removed all the same, a lock left by a dead run has no other way out there.
     *
     * @return per host that had a lock (or could not be asked), by host name, what the node said
     */
    public Map<String, String> breakIdleLocks(PlaybookPlan plan) {
        List<String> changing = plan.changing().stream().map(PlaybookPlan.Host::name).toList();
        List<Host> idle = plan.hosts().stream().filter(h -> !changing.contains(h.name()))
                .map(h -> ctx.inventory.hosts().get(h.name())).toList();
        Map<String, String> out = new java.util.TreeMap<>();
        ctx.fanOut.run(idle, host -> ctx.lockSteps().breakLock(ctx.connections.get(host), host), o -> { })
                .forEach(o -> out.put(o.host().name(), o instanceof HostOutcome.Succeeded<String> ok ? ok.value()
                        : "cannot break its lock: unreachable"));
        out.values().removeIf("not locked"::equals);
        return out;
    }

    /**
     * Applies the plan's changing hosts play by play, batch by batch.
     *
     * @param shown the plan the user confirmed
     */
    public PlaybookResult apply(PlaybookPlan shown, RunJournal journal, Entry.Started started, String holder,
                                PlayEvents events) {
        return new ApplyPass(ctx, gate).apply(shown, journal, started, holder, events);
    }
}
