package dev.nodefix.play;

import dev.nodefix.engine.BecomeRule;
import dev.nodefix.engine.Connections;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.module.ModuleRegistry;
import dev.nodefix.playbook.Playbook;
import java.util.List;

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
                       ModuleRegistry registry, TaskRunner.Sleeper sleeper) {
        this.ctx = new PlayContext(book, inventory, selected, options, connections, forks, become, breakLock,
                new TaskRunner(registry, sleeper));
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
     * Applies the plan's changing hosts play by play, batch by batch.
     *
     * @param shown the plan the user confirmed
     */
    public PlaybookResult apply(PlaybookPlan shown, RunJournal journal, Entry.Started started, String holder,
                                PlayEvents events) {
        return new ApplyPass(ctx, gate).apply(shown, journal, started, holder, events);
    }
}
