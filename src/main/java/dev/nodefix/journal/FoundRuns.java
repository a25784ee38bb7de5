package dev.nodefix.journal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pure: the runs found in the nodes' own journals ({@code runs --from-nodes}), each with how it stands on every host
 * that has it. An applying run's change on a host counts as undone when a rollback of that run journaled its undo
 * there as done. A host whose journals could not be read is named with why: of it, nothing can be told (it is never
 * taken as not having a run).
 *
 * @param runs       oldest first
 * @param read       the hosts whose journals were read, in the order given
 * @param cannotTell host to why its journals were not read (unreachable, or the listing failed)
 */
public record FoundRuns(List<FoundRun> runs, List<String> read, Map<String, String> cannotTell) {
    public FoundRuns {
        runs = List.copyOf(runs);
        read = List.copyOf(read);
        cannotTell = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cannotTell));
    }

    /**
     * One run as the nodes have it.
     *
     * @param what     for an applying run its task names as the nodes journaled them; for a rollback {@code rollback RUN}
     * @param hosts    each host that has the run's journal, in the order read, to how the run stands there
     * @param problems damaged journal lines and the like, each naming its host (the states are told from the rest)
     * @param inStore  whether this machine's run store has the run too
     */
    public record FoundRun(String id, RunKind kind, Optional<String> rollbackOf, Instant started, String what,
                           Map<String, HostRunState> hosts, List<String> problems, boolean inStore) {
        public FoundRun {
            RunId.check(id);
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(rollbackOf, "rollbackOf");
            Objects.requireNonNull(started, "started");
            Objects.requireNonNull(what, "what");
            hosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
            problems = List.copyOf(problems);
        }

        /** An applying run with something left to undo on some host that has it. */
        public boolean open() {
            return kind == RunKind.APPLY && hosts.values().stream().anyMatch(HostRunState::open);
        }

        /** The run's state over its hosts: the one they share, else {@code mixed}. */
        public String summary() {
            Set<HostRunState> states = new LinkedHashSet<>(hosts.values());
            return states.size() == 1 ? states.iterator().next().label() : "mixed";
        }
    }

    /** The newest applying run with something left to undo on some host, if any. */
    public Optional<FoundRun> lastOpen() {
        List<FoundRun> open = runs.stream().filter(FoundRun::open).toList();
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(open.size() - 1));
    }

    public Optional<FoundRun> find(String id) {
        return runs.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * @param nodes   each selected host's listing, in the inventory's order
     * @param inStore the run ids this machine's run store has
     */
    public static FoundRuns of(Map<String, NodeHistory> nodes, Set<String> inStore) {
        List<String> read = new ArrayList<>();
        Map<String, String> cannotTell = new LinkedHashMap<>();
        Map<String, Map<String, JournalText>> byRun = new TreeMap<>(); // run -> host -> journal
        Map<String, Map<String, Map<Integer, Long>>> running = new HashMap<>();
        nodes.forEach((host, history) -> {
            if (history instanceof NodeHistory.Journals j) {
                read.add(host);
                j.journals().forEach((run, text) -> byRun.computeIfAbsent(run, r -> new LinkedHashMap<>()).put(host, text));
                running.put(host, j.running());
            } else if (history instanceof NodeHistory.Unreadable u) {
                cannotTell.put(host, "cannot read its journals: " + u.why());
            } else if (history instanceof NodeHistory.Unreachable u) {
                cannotTell.put(host, "unreachable: " + u.why());
            }
        });
        Map<String, Map<String, Map<Integer, String>>> undone = undone(byRun); // run -> host -> seq -> rollback
        Map<String, Set<String>> finished = finishedRollbacks(byRun); // run -> hosts a rollback of it finished on
        List<FoundRun> runs = new ArrayList<>();
        byRun.forEach((run, hosts) -> runs.add(run(run, hosts, running, undone.getOrDefault(run, Map.of()),
                finished.getOrDefault(run, Set.of()), inStore.contains(run))));
        runs.sort(Comparator.comparing(FoundRun::started).thenComparing(FoundRun::id));
        return new FoundRuns(runs, read, cannotTell);
    }

    private static FoundRun run(String id, Map<String, JournalText> hosts, Map<String, Map<String, Map<Integer, Long>>> running,
                                Map<String, Map<Integer, String>> undone, Set<String> rolledBackOn, boolean inStore) {
        List<String> problems = new ArrayList<>();
        Optional<Entry.Started> started = Optional.empty();
        Set<String> tasks = new LinkedHashSet<>();
        Map<String, HostRunState> states = new LinkedHashMap<>();
        Map<String, List<Recorded>> recordedByHost = new LinkedHashMap<>();
        for (Map.Entry<String, JournalText> e : hosts.entrySet()) {
            String host = e.getKey();
            JournalText text = e.getValue();
            text.torn().ifPresent(t -> problems.add(t.message()));
            text.garbled().forEach(g -> problems.add(g.garbledMessage()));
            List<Entry> entries = text.entries().stream().map(HostEntry::entry).toList();
            Optional<Entry.Started> here = History.started(entries);
            if (started.isEmpty()) {
                started = here;
            } else if (here.isPresent() && !here.get().equals(started.get())) {
                problems.add(host + ": its journal starts run " + id + " differently (" + here.get().kind().label()
                        + " at " + here.get().at() + ")");
            }
            Set<Integer> live = running.getOrDefault(host, Map.of()).getOrDefault(id, Map.of()).keySet();
            List<Recorded> recorded = History.of(entries).stream()
                    .map(r -> live.contains(r.seq()) && r.status() == Recorded.Status.UNFINISHED
                            ? r.with(Recorded.Status.RUNNING) : r).toList();
            recorded.forEach(r -> tasks.add(r.taskName()));
            recordedByHost.put(host, recorded);
        }
        RunKind kind = started.map(Entry.Started::kind).orElseGet(() -> recordedByHost.values().stream()
                .flatMap(List::stream).anyMatch(r -> r.undoes().isPresent()) ? RunKind.ROLLBACK : RunKind.APPLY);
        Optional<String> rollbackOf = started.flatMap(Entry.Started::rollbackOf).or(() -> recordedByHost.values().stream()
                .flatMap(List::stream).flatMap(r -> r.undoes().stream()).map(u -> u.replaceFirst("#.*", "")).findFirst());
        if (started.isEmpty()) {
            problems.add("no node's journal of run " + id + " has its first line; its time is taken from its id");
        }
        recordedByHost.forEach((host, recorded) -> states.put(host, kind == RunKind.APPLY
                ? applied(recorded, undone.getOrDefault(host, Map.of()).keySet(), rolledBackOn.contains(host))
                : rollback(recorded)));
        String what = kind == RunKind.ROLLBACK ? "rollback " + rollbackOf.orElse("?")
                : tasks.isEmpty() ? "(no changes journaled)" : String.join(", ", tasks);
        return new FoundRun(id, kind, rollbackOf, started.map(Entry.Started::at).orElseGet(() -> time(id)), what, states,
                problems, inStore);
    }

    /**
     * How an applying run stands on a host, given which of its changes (seq) rollbacks undid there.
     *
     * @param rollbackFinished a rollback of the run finished there (every change it made is done): the changes
     *                         the run left unfinished that it did not undo had not landed (it skipped them)
     */
    static HostRunState applied(List<Recorded> recorded, Set<Integer> undone, boolean rollbackFinished) {
        if (recorded.stream().anyMatch(r -> r.status() == Recorded.Status.RUNNING)) {
            return HostRunState.IN_FLIGHT;
        }
        List<Recorded> landed = recorded.stream().filter(r -> r.status() == Recorded.Status.DONE
                && r.change().inverse().isPresent()).toList();
        boolean anyUndone = recorded.stream().anyMatch(r -> undone.contains(r.seq()));
        List<Recorded> unfinished = recorded.stream().filter(r -> r.status() == Recorded.Status.UNFINISHED
                && !undone.contains(r.seq()) && !rollbackFinished).toList();
        if (anyUndone) {
            return landed.stream().allMatch(r -> undone.contains(r.seq())) && unfinished.isEmpty()
                    ? HostRunState.ROLLED_BACK : HostRunState.PARTLY;
        }
        if (!unfinished.isEmpty()) {
            return HostRunState.UNFINISHED;
        }
        return landed.isEmpty() ? HostRunState.NOTHING_TO_UNDO : HostRunState.DONE;
    }

    static HostRunState rollback(List<Recorded> recorded) {
        if (recorded.stream().anyMatch(r -> r.status() == Recorded.Status.RUNNING)) {
            return HostRunState.IN_FLIGHT;
        }
        if (recorded.stream().anyMatch(r -> r.status() == Recorded.Status.UNFINISHED)) {
            return HostRunState.UNFINISHED;
        }
        return recorded.stream().anyMatch(r -> r.status() == Recorded.Status.FAILED) ? HostRunState.FAILED : HostRunState.DONE;
    }

    /** Per applying run, per host, the seqs its rollbacks undid there (done), to the rollback that did. */
    private static Map<String, Map<String, Map<Integer, String>>> undone(Map<String, Map<String, JournalText>> byRun) {
        Map<String, Map<String, Map<Integer, String>>> out = new HashMap<>();
        byRun.forEach((rollback, hosts) -> hosts.forEach((host, text) -> History.of(text.entries().stream()
                .map(HostEntry::entry).toList()).stream()
                .filter(r -> r.status() == Recorded.Status.DONE && r.undoes().isPresent())
                .map(r -> r.undoes().get())
                .filter(u -> u.matches("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{4}#[0-9]{1,9}"))
                .forEach(u -> out.computeIfAbsent(u.substring(0, u.indexOf('#')), r -> new HashMap<>())
                        .computeIfAbsent(host, h -> new HashMap<>())
                        .put(Integer.parseInt(u.substring(u.indexOf('#') + 1)), rollback))));
        return out;
    }

    /** Per applying run, the hosts where a rollback of it finished: its journal there has changes, all done. */
    private static Map<String, Set<String>> finishedRollbacks(Map<String, Map<String, JournalText>> byRun) {
        Map<String, Set<String>> out = new HashMap<>();
        byRun.values().forEach(hosts -> hosts.forEach((host, text) -> {
            List<Entry> entries = text.entries().stream().map(HostEntry::entry).toList();
            Optional<String> of = History.started(entries).filter(s -> s.kind() == RunKind.ROLLBACK).flatMap(Entry.Started::rollbackOf);
            List<Recorded> recorded = History.of(entries);
            if (of.isPresent() && !recorded.isEmpty() && recorded.stream().allMatch(r -> r.status() == Recorded.Status.DONE
                    || r.status() == Recorded.Status.UNCHANGED)) {
                out.computeIfAbsent(of.get(), r -> new java.util.HashSet<>()).add(host);
            }
        }));
        return out;
    }

    private static Instant time(String id) {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .parse(id.substring(0, 16), Instant::from);
    }
}
