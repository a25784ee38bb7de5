package dev.nodefix.journal;

import dev.nodefix.query.Query;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads from the run store what happened to one run's changes after it, host by host ({@link Afterwards}): which
 * of them rollbacks of it undid, and which things later applying runs changed again (and did not roll back).
 * A journal line that cannot be read is left out here; the rollback's own journal checks report it.
 */
public final class RunHistory {
    private final RunStore store;

    public RunHistory(RunStore store) {
        this.store = store;
    }

    public Map<String, Afterwards> after(RunMeta run) {
        List<RunMeta> all = store.list();
        Map<String, Map<Integer, String>> undone = undone(run.id(), all);
        Map<String, Map<Query, String>> changed = new HashMap<>();
        for (RunMeta later : all) {
            if (later.kind() != RunKind.APPLY || !later.started().isAfter(run.started()) || later.id().equals(run.id())) {
                continue;
            }
            Map<String, Map<Integer, String>> laterUndone = undone(later.id(), all);
            History.byHost(entries(later.id())).forEach((host, changes) -> changes.stream()
                    .filter(r -> r.status() != Recorded.Status.UNCHANGED && r.status() != Recorded.Status.FAILED)
                    .filter(r -> !laterUndone.getOrDefault(host, Map.of()).containsKey(r.seq()))
                    .forEach(r -> r.change().observes().ifPresent(q ->
                            changed.computeIfAbsent(host, h -> new HashMap<>()).put(q, later.id()))));
        }
        Map<String, Afterwards> out = new LinkedHashMap<>();
        for (String host : union(undone.keySet(), changed.keySet())) {
            out.put(host, new Afterwards(undone.getOrDefault(host, Map.of()), changed.getOrDefault(host, Map.of())));
        }
        return out;
    }

    /** Per host, seq of {@code id}'s change to the rollback run whose journal says it undid it. */
    private Map<String, Map<Integer, String>> undone(String id, List<RunMeta> all) {
        Map<String, Map<Integer, String>> out = new HashMap<>();
        for (RunMeta m : all) {
            if (!m.rollbackOf().equals(Optional.of(id))) {
                continue;
            }
            History.byHost(entries(m.id())).forEach((host, changes) -> changes.stream()
                    .filter(r -> r.status() == Recorded.Status.DONE && r.undoes().isPresent())
                    .map(r -> r.undoes().get())
                    .filter(u -> u.matches(java.util.regex.Pattern.quote(id) + "#[0-9]{1,9}"))
                    .forEach(u -> out.computeIfAbsent(host, h -> new HashMap<>())
                            .put(Integer.parseInt(u.substring(id.length() + 1)), m.id())));
        }
        return out;
    }

    private List<HostEntry> entries(String id) {
        return store.journal(id).entries().stream().filter(e -> e.host().isPresent()).toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
