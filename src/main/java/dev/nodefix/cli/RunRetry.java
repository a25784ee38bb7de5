package dev.nodefix.cli;

import dev.nodefix.journal.HostEnd;
import dev.nodefix.journal.RunMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hosts of a recorded run that did not end well, which {@code --limit @RUN} selects again: a host whose end is
 * failed, unreachable, locked or (for a rollback) a conflict, or that has no recorded end. {@code run.json} gets
 * the hosts' ends only when the run finishes, so of a run that did not finish (it died, or is still going) no host
 * is proven done and every host it was changing is retried (those it could not reach while planning are named
 * only in the ends, so they are not known); of a run recorded before nodefix kept each host's end, only the
 * counts tell: none when no host failed or was unreachable, else every host of it.
 *
 * @param note why every host of the run is retried, when that is so
 */
record RunRetry(String run, List<String> hosts, Optional<String> note) {
    RunRetry {
        hosts = List.copyOf(hosts);
    }

    static RunRetry of(RunMeta meta) {
        if (meta.finished().isEmpty()) {
            return new RunRetry(meta.id(), meta.hosts(), Optional.of("run " + meta.id() + " did not finish (it was"
                    + " stopped, or is still going): no host of it is proven done, so all " + meta.hosts().size()
                    + " it was changing are selected (hosts it could not reach while planning are recorded only at"
                    + " its end)"));
        }
        RunMeta.Outcome outcome = meta.finished().get();
        if (outcome.ends().isEmpty()) {
            return outcome.failed() + outcome.unreachable() == 0 ? new RunRetry(meta.id(), List.of(), Optional.empty())
                    : new RunRetry(meta.id(), meta.hosts(), Optional.of("run " + meta.id() + " was recorded before"
                    + " nodefix kept how each host ended: all " + meta.hosts().size() + " of its hosts are selected"));
        }
        List<String> all = new ArrayList<>(meta.hosts());
        outcome.ends().keySet().stream().filter(h -> !all.contains(h)).forEach(all::add);
        List<String> retry = all.stream().filter(h -> {
            HostEnd end = outcome.ends().get(h);
            return end == null || !end.complete();
        }).toList();
        return new RunRetry(meta.id(), retry, Optional.empty());
    }

    boolean nothing() {
        return hosts.isEmpty();
    }
}
