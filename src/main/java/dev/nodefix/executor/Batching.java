package dev.nodefix.executor;

import dev.nodefix.inventory.Host;
import dev.nodefix.journal.RollbackPlanner;
import dev.nodefix.playbook.Order;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.Serial;
import java.util.List;
import java.util.Optional;

/**
 * How a run goes through a play's changing hosts in batches, and whether a run that went in one batch is gated
 * too. A playbook: its plays' {@code order} and {@code serial} ({@link PlayBatches}), gated after every batch. A run
 * of given changes ({@code run -m}, a rollback): {@code --serial} as a play does; without it the order of the run a
 * rollback undoes, else every server alone first when a k3s restart is planned, else all at once
 * ({@link RollbackBatches}); the health gate holds the batches apart, so a run at once is not gated.
 */
public interface Batching {
    List<List<Host>> of(Play play, List<Host> hosts, PlaybookPlan plan);

    /** Whether the health gate runs after the batch when the play went in one batch. */
    boolean gatesOneBatch();

    /** A playbook's batches: {@code --serial} over the play's {@code serial}, in the play's {@code order}. */
    static Batching play(PlayOptions options) {
        return new Batching() {
            @Override
            public List<List<Host>> of(Play play, List<Host> hosts, PlaybookPlan plan) {
                return PlayBatches.of(hosts, play.order(), options.serial().orElse(play.serial()));
            }

            @Override
            public boolean gatesOneBatch() {
                return true;
            }
        };
    }

    /**
     * @param serial {@code --serial}: servers one at a time, then the others in batches of this size
     * @param runBatches the batches of the run a rollback undoes (empty: not recorded, or not a rollback)
     */
    static Batching changes(Optional<Serial> serial, List<List<String>> runBatches) {
        return new Batching() {
            @Override
            public List<List<Host>> of(Play play, List<Host> hosts, PlaybookPlan plan) {
                if (serial.isPresent()) {
                    return PlayBatches.of(hosts, Order.SERVERS_FIRST, serial.get());
                }
                boolean restarts = plan.changing().stream().flatMap(h -> h.lines().stream())
                        .flatMap(l -> l.changes().stream()).anyMatch(RollbackPlanner::restartsK3s);
                return RollbackBatches.of(hosts, runBatches, restarts);
            }

            @Override
            public boolean gatesOneBatch() {
                return false;
            }
        };
    }
}
