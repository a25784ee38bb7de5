package dev.nodefix.journal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the controller remembers about a run besides its journal lines ({@code run.json}).
 *
 * @param what     what ran, e.g. {@code ethtool iface=flannel.1 ...} or {@code rollback 20261125T...}
 * @param finished  empty while the run is going (or when it died before finishing)
 * @param inventory the inventory the run used; empty in runs recorded before nodefix kept it
 */
public record RunMeta(String id, RunKind kind, Optional<String> rollbackOf, Instant started, String what,
                      List<String> hosts, Optional<Outcome> finished, Optional<InventoryUsed> inventory) {
    /**
     * Counts when the run finished, and how each host ended ({@code ends} is empty in runs recorded before
     * nodefix kept it).
     *
     * @param batches the batches of host names the run applied in, in order (a rollback rolls in the same
     *     order); empty in runs recorded before nodefix kept them
     */
    public record Outcome(Instant at, int changed, int failed, int unreachable, java.util.Map<String, HostEnd> ends,
                          List<List<String>> batches) {
        public Outcome {
            ends = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(ends));
            batches = batches.stream().map(List::copyOf).toList();
        }

        public Outcome(Instant at, int changed, int failed, int unreachable, java.util.Map<String, HostEnd> ends) {
            this(at, changed, failed, unreachable, ends, List.of());
        }

        public Outcome(Instant at, int changed, int failed, int unreachable) {
            this(at, changed, failed, unreachable, java.util.Map.of());
        }
    }

    public RunMeta {
        RunId.check(id);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rollbackOf, "rollbackOf");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(what, "what");
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(inventory, "inventory");
    }

    /** A run whose inventory is not known. */
    public RunMeta(String id, RunKind kind, Optional<String> rollbackOf, Instant started, String what,
                   List<String> hosts, Optional<Outcome> finished) {
        this(id, kind, rollbackOf, started, what, hosts, finished, Optional.empty());
    }

    public RunMeta finish(Outcome outcome) {
        return new RunMeta(id, kind, rollbackOf, started, what, hosts, Optional.of(outcome), inventory);
    }

    public RunMeta with(InventoryUsed used) {
        return new RunMeta(id, kind, rollbackOf, started, what, hosts, finished, Optional.of(used));
    }
}
