package dev.nodefix.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pure: decides which changes a rollback undoes on each host from the two journals of the run, this machine's
 * and each node's, after checking both: garbled lines, gaps or extras in the change numbers, a change one
 * journal has and the other lacks, a node journal that is gone. Any such finding refuses the rollback, each
 * named, unless the user says which journal to trust ({@link TrustedJournal}). Where this machine never heard how a
 * change ended, the node's journal says; a change whose process still runs on the node is marked
 * {@link Recorded.Status#RUNNING}.
 */
public final class RollbackEvidence {
    /**
     * @param recorded the changes to undo, by host
     * @param trusted  the findings the user chose to override (shown as warnings)
     * @param notes    what the user should know either way (torn last lines, unreachable nodes, changes in flight)
     */
    public record Decision(Map<String, List<Recorded>> recorded, List<String> trusted, List<String> notes) {
    }

    private final String run;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private RollbackEvidence(String run) {
        this.run = run;
    }

    /**
     * @param controller this machine's journal of the run, when it has one
     * @param expected   the hosts the run changed as this machine recorded them (its {@code run.json}), if known
     * @param nodes      each selected host's own journal of the run
     * @param primary    the evidence used when both agree ({@link TrustedJournal#NODES} for {@code --from-nodes})
     * @param trust      the evidence the user said to trust despite findings ({@code --force=...})
     */
    public static Decision decide(String run, Optional<JournalText> controller, Set<String> expected,
                                  Map<String, NodeRead> nodes, TrustedJournal primary, Optional<TrustedJournal> trust) {
        return new RollbackEvidence(run).decide(controller, expected, nodes, trust.orElse(primary), trust.isPresent());
    }

    private Decision decide(Optional<JournalText> controller, Set<String> expected, Map<String, NodeRead> nodes,
                            TrustedJournal use, boolean trusted) {
        Map<String, List<Recorded>> mine = controller.map(this::controllerRecords).orElse(Map.of());
        Map<String, List<Recorded>> theirs = new LinkedHashMap<>();
        nodes.forEach((host, read) -> nodeRecords(host, read, mine.containsKey(host) && hasIntents(mine.get(host))
                || expected.contains(host)).ifPresent(r -> theirs.put(host, r)));
        theirs.forEach((host, recs) -> {
            if (mine.containsKey(host)) {
                problems.addAll(JournalCheck.compare(host, mine.get(host), recs));
            } else if (controller.isPresent() && hasIntents(recs)) {
                problems.add(host + ": the node's journal has changes of run " + run + "; this machine's journal has"
                        + " nothing of that host");
            }
        });
        if (!problems.isEmpty() && !trusted) {
            throw new JournalException("the journals of run " + run + " do not agree, so nothing is rolled back:\n  "
                    + String.join("\n  ", problems) + "\nto roll back anyway, say which evidence to trust: --force=controller"
                    + " (this machine's journal) or --force=nodes (the nodes' own journals)");
        }
        Map<String, List<Recorded>> out = use == TrustedJournal.CONTROLLER && controller.isPresent()
                ? merged(mine, theirs) : fromNodes(mine, theirs, nodes, expected);
        return new Decision(out, problems.stream().map(p -> "trusting " + use.label() + " despite: " + p).toList(), notes);
    }

    private Map<String, List<Recorded>> controllerRecords(JournalText text) {
        text.torn().ifPresent(t -> notes.add(t.message() + "; the entry is ignored (the node's journal and state decide)"));
        text.garbled().forEach(g -> problems.add(g.garbledMessage()));
        List<HostEntry> entries = new ArrayList<>();
        for (HostEntry e : text.entries()) {
            if (e.host().isEmpty()) {
                problems.add(text.source() + ": a line names no host");
            } else {
                entries.add(e);
            }
        }
        Map<String, List<Entry>> byHost = new LinkedHashMap<>();
        entries.forEach(e -> byHost.computeIfAbsent(e.host().get(), h -> new ArrayList<>()).add(e.entry()));
        byHost.forEach((host, list) -> problems.addAll(JournalCheck.sequence(host, "this machine's journal", list)));
        return History.byHost(entries);
    }

    /** The node's record with its running changes marked, or empty when there is none to use. */
    private Optional<List<Recorded>> nodeRecords(String host, NodeRead read, boolean expected) {
        if (read instanceof NodeRead.Journal j) {
            j.text().torn().ifPresent(t -> notes.add(t.message() + "; that change may or may not have happened: its state decides"));
            j.text().garbled().forEach(g -> problems.add(g.garbledMessage()));
            List<Entry> entries = j.text().entries().stream().map(HostEntry::entry).toList();
            problems.addAll(JournalCheck.sequence(host, "the node's journal", entries));
            j.running().forEach((seq, pid) -> notes.add(host + ": change #" + seq + " of run " + run
                    + " is still running on the node (pid " + pid + ")"));
            return Optional.of(History.of(entries).stream().map(r -> running(r, j.running().keySet())).toList());
        }
        if (read instanceof NodeRead.Unreachable u) {
            notes.add(host + ": unreachable, its journal was not read: " + u.why());
        } else if (read instanceof NodeRead.Failed f) {
            (expected ? problems : notes).add(host + ": cannot read its journal of run " + run + ": " + f.why());
        } else if (expected) {
            problems.add(host + ": the node has no journal of run " + run + " (" + NodeJournal.journalPath(run)
                    + " is gone), though the run changed it");
        } else {
            notes.add(host + ": the node has no journal of run " + run + " (the run changed nothing there, or that"
                    + " journal is gone): nothing of it is undone there");
        }
        return Optional.empty();
    }

    private static Recorded running(Recorded r, Set<Integer> running) {
        return running.contains(r.seq()) && r.status() == Recorded.Status.UNFINISHED ? r.with(Recorded.Status.RUNNING) : r;
    }

    /** This machine's changes, with the node's word on those it never heard the end of. */
    private static Map<String, List<Recorded>> merged(Map<String, List<Recorded>> mine, Map<String, List<Recorded>> theirs) {
        Map<String, List<Recorded>> out = new LinkedHashMap<>();
        mine.forEach((host, recs) -> {
            Map<Integer, Recorded.Status> onNode = new LinkedHashMap<>();
            theirs.getOrDefault(host, List.of()).forEach(r -> onNode.put(r.seq(), r.status()));
            out.put(host, recs.stream().map(r -> r.status() != Recorded.Status.UNFINISHED || !onNode.containsKey(r.seq())
                    ? r : r.with(onNode.get(r.seq()))).toList());
        });
        return out;
    }

    /**
     * The nodes' changes; a host whose node could not be read keeps this machine's record (or none) so the
     * rollback still reaches it and reports it, rather than leaving it out unseen.
     */
    private static Map<String, List<Recorded>> fromNodes(Map<String, List<Recorded>> mine, Map<String, List<Recorded>> theirs,
                                                         Map<String, NodeRead> nodes, Set<String> expected) {
        Map<String, List<Recorded>> out = new LinkedHashMap<>(theirs);
        nodes.forEach((host, read) -> {
            if (read instanceof NodeRead.Unreachable && (mine.containsKey(host) || expected.contains(host))) {
                out.put(host, mine.getOrDefault(host, List.of()));
            }
        });
        return out;
    }

    private static boolean hasIntents(List<Recorded> recorded) {
        return !recorded.isEmpty();
    }
}
