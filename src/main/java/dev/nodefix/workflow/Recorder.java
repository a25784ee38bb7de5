package dev.nodefix.workflow;

import dev.nodefix.journal.Entry;
import dev.nodefix.journal.HostEnd;
import dev.nodefix.journal.InventoryUsed;
import dev.nodefix.journal.RunId;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.journal.RunKind;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.RunStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Where and how this machine records its changing runs.
 *
 * @param entropy random bits for run ids
 * @param holder who holds the nodes' locks for a run started at that instant (user, machine, process)
 */
public record Recorder(RunStore store, Clock clock, IntSupplier entropy, Function<Instant, String> holder) {
    public Recorder {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(entropy, "entropy");
        Objects.requireNonNull(holder, "holder");
    }

    /**
     * A new run: its id, its journal under the run store, and {@code run.json} finished with the counts at the end.
     *
     * @param hosts the hosts it is about to change
     */
    Recording start(RunKind kind, Optional<String> rollbackOf, String what, List<String> hosts,
                    Optional<InventoryUsed> inventory) {
        Instant now = clock.instant();
        RunMeta meta = new RunMeta(RunId.next(now, entropy), kind, rollbackOf, now, what, hosts, Optional.empty(),
                inventory);
        return new Recording(meta, new Entry.Started(meta.id(), kind, rollbackOf, now), holder.apply(now));
    }

    /** One run being recorded. */
    final class Recording {
        final RunMeta meta;
        final Entry.Started started;
        final String holder;

        private Recording(RunMeta meta, Entry.Started started, String holder) {
            this.meta = meta;
            this.started = started;
            this.holder = holder;
        }

        String id() {
            return meta.id();
        }

        RunJournal openJournal() {
            return store.create(meta);
        }

        /** Writes {@code run.json}: the end, the counts of hosts, how each ended and the batches it applied in. */
        RunMeta finish(long changed, long failed, long unreachable, Map<String, HostEnd> ends,
                       List<List<String>> batches) {
            RunMeta finished = meta.finish(new RunMeta.Outcome(clock.instant(), (int) changed, (int) failed,
                    (int) unreachable, ends, batches));
            store.writeMeta(finished);
            return finished;
        }
    }
}
