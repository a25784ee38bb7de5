package dev.nodefix.executor;

import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The batches a rollback goes through its hosts in. A rolling run (it applied in more than one batch) is rolled
 * back in the same order: every k3s server alone, then the other hosts in the run's own batches (only those the
 * rollback changes; hosts the run did not batch last, together). A run that applied at once, or one recorded
 * before nodefix kept its batches: the servers alone first when k3s restarts, then the rest in one batch; else
 * every host at once.
 */
public final class RollbackBatches {
    private RollbackBatches() {}

    /**
     * @param hosts the hosts the rollback changes
     * @param runBatches the batches of host names the undone run applied in (empty: not recorded)
     * @param restartsK3s whether the rollback restarts k3s somewhere
     */
    public static List<List<Host>> of(List<Host> hosts, List<List<String>> runBatches, boolean restartsK3s) {
        List<Host> servers = hosts.stream().filter(h -> h.role() == Role.SERVER).toList();
        List<Host> rest = hosts.stream().filter(h -> h.role() != Role.SERVER).toList();
        List<List<Host>> out = new ArrayList<>();
        if (runBatches.size() <= 1 && !restartsK3s) {
            if (!hosts.isEmpty()) {
                out.add(List.copyOf(hosts));
            }
            return out;
        }
        servers.stream().sorted(java.util.Comparator.comparingInt(h -> position(runBatches, h.name())))
                .forEach(s -> out.add(List.of(s)));
        Set<String> placed = new HashSet<>();
        if (runBatches.size() > 1) {
            for (List<String> batch : runBatches) {
                List<Host> agents = rest.stream().filter(h -> batch.contains(h.name()) && placed.add(h.name())).toList();
                if (!agents.isEmpty()) {
                    out.add(agents);
                }
            }
        }
        List<Host> unbatched = rest.stream().filter(h -> !placed.contains(h.name())).toList();
        if (!unbatched.isEmpty()) {
            out.add(unbatched);
        }
        return out;
    }

    /** Where the run batched the host (hosts it did not batch after those it did, in their order). */
    private static int position(List<List<String>> runBatches, String host) {
        for (int i = 0; i < runBatches.size(); i++) {
            if (runBatches.get(i).contains(host)) {
                return i;
            }
        }
        return runBatches.size();
    }
}
