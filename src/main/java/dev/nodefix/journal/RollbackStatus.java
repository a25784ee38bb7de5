package dev.nodefix.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How far an applying run is rolled back, host by host, from the {@code run.json} of its rollbacks: a host is
 * rolled back when the last rollback that reached it ended there with nothing left to undo; a host that rollback
 * could not finish (unreachable, failed, locked, a conflict) is stranded, with the reason; a host no rollback
 * reached is open.
 *
 * @param hosts    every host the run may have changed (its journal holds a change for it), in the run's order
 * @param done     host to the rollback run that finished it, in the order they were finished
 * @param stranded host to why the last rollback that reached it did not finish it
 */
public record RollbackStatus(List<String> hosts, Map<String, String> done, Map<String, String> stranded) {
    public RollbackStatus {
        hosts = List.copyOf(hosts);
        done = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(done)); // the last one finished last
        stranded = Map.copyOf(stranded);
    }

    /** @param changed the hosts the run's journal holds a change for ({@link RunStore#changedHosts}) */
    public static RollbackStatus of(RunMeta run, java.util.Set<String> changed, List<RunMeta> all) {
        List<String> hosts = new ArrayList<>(run.hosts().stream().filter(changed::contains).toList());
        changed.stream().filter(h -> !hosts.contains(h)).sorted().forEach(hosts::add);
        Map<String, String> done = new LinkedHashMap<>();
        Map<String, String> stranded = new LinkedHashMap<>();
        for (RunMeta r : all) {
            if (r.kind() != RunKind.ROLLBACK || !r.rollbackOf().equals(Optional.of(run.id()))) {
                continue;
            }
            for (String h : hosts) {
                reached(r, h).ifPresent(why -> {
                    done.remove(h);
                    stranded.remove(h);
                    if (why.isEmpty()) {
                        done.put(h, r.id());
                    } else {
                        stranded.put(h, why);
                    }
                });
            }
        }
        return new RollbackStatus(hosts, done, stranded);
    }

    /**
     * Whether rollback {@code r} reached host {@code h}: empty when it did not; else an empty text when it finished
     * the host there, or why it did not.
     */
    private static Optional<String> reached(RunMeta r, String h) {
        if (r.finished().isEmpty()) {
            return r.hosts().contains(h) ? Optional.of("rollback " + r.id() + " did not finish") : Optional.empty();
        }
        RunMeta.Outcome f = r.finished().get();
        if (f.ends().isEmpty()) { // recorded before per-host ends were kept: only the counts tell
            return !r.hosts().contains(h) ? Optional.empty() : Optional.of(f.failed() == 0 && f.unreachable() == 0 ? ""
                    : "rollback " + r.id() + " had failed or unreachable hosts");
        }
        HostEnd end = f.ends().get(h);
        if (end == null) {
            return Optional.empty();
        }
        return Optional.of(end.complete() ? "" : end.label() + " in rollback " + r.id());
    }

    /** Every host of the run is rolled back (so also when the run changed no host: nothing is left to undo). */
    public boolean complete() {
        return done.size() == hosts.size();
    }

    /** Hosts no rollback finished (stranded or never reached), in the run's order. */
    public List<String> remaining() {
        List<String> out = new ArrayList<>(hosts);
        out.removeAll(done.keySet());
        return out;
    }

    /**
     * For {@code runs}: {@code nothing to roll back} (the run changed no host), {@code no}, {@code yes, by RUN}, or
     * {@code partly: 2/3 hosts}; it says "rolled back" exactly when {@link #complete()} holds.
     */
    public String summary() {
        if (hosts.isEmpty()) {
            return "nothing to roll back";
        }
        if (done.isEmpty() && stranded.isEmpty()) {
            return "no";
        }
        if (complete()) {
            return "yes, by " + done.values().stream().reduce((a, b) -> b).orElseThrow();
        }
        return "partly: " + done.size() + "/" + hosts.size() + " hosts";
    }

    /** For {@code runs show}: how one host stands. */
    public String of(String host) {
        Objects.requireNonNull(host, "host");
        if (done.containsKey(host)) {
            return "rolled back by " + done.get(host);
        }
        return stranded.containsKey(host) ? "NOT rolled back: " + stranded.get(host) : "not rolled back";
    }
}
