package dev.nodefix.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns journal entries into the changes each host recorded, in the order they were made. */
public final class History {
    private History() {}

    /** One host's entries (a node's own journal) to its recorded changes. */
    public static List<Recorded> of(List<Entry> entries) {
        Map<Integer, Entry.Intent> intents = new LinkedHashMap<>();
        Map<Integer, Recorded.Status> outcome = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e instanceof Entry.Intent i) {
                intents.put(i.seq(), i);
            } else if (e instanceof Entry.Done d) {
                outcome.put(d.seq(), Recorded.Status.DONE);
            } else if (e instanceof Entry.Unchanged u) {
                outcome.put(u.seq(), Recorded.Status.UNCHANGED);
            } else if (e instanceof Entry.Failed f) {
                outcome.put(f.seq(), Recorded.Status.FAILED);
            }
        }
        List<Recorded> out = new ArrayList<>();
        intents.values().forEach(i -> out.add(new Recorded(i.seq(), i.task(), i.taskName(), i.change(),
                outcome.getOrDefault(i.seq(), Recorded.Status.UNFINISHED), i.undoes())));
        return out;
    }

    /** The controller's journal (every host's entries, host-tagged) to each host's recorded changes, hosts in first-seen order. */
    public static Map<String, List<Recorded>> byHost(List<HostEntry> entries) {
        Map<String, List<Entry>> grouped = new LinkedHashMap<>();
        for (HostEntry he : entries) {
            String host = he.host().orElseThrow(() -> new JournalException("controller journal line without host"));
            grouped.computeIfAbsent(host, h -> new ArrayList<>()).add(he.entry());
        }
        Map<String, List<Recorded>> out = new LinkedHashMap<>();
        grouped.forEach((host, list) -> out.put(host, of(list)));
        return out;
    }

    /** The Started entry of a host's journal, if it has one. */
    public static Optional<Entry.Started> started(List<Entry> entries) {
        return entries.stream().filter(Entry.Started.class::isInstance).map(Entry.Started.class::cast).findFirst();
    }
}
