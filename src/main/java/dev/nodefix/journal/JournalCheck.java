package dev.nodefix.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Pure checks of one host's journal entries and of the controller's record against the node's: a change's
 * number ({@code seq}) runs 1, 2, 3... on each host with no gap, each intent once, each outcome after its
 * intent; the two journals of one host hold the same changes. Each finding is a sentence naming the host
 * and the change.
 */
public final class JournalCheck {
    private JournalCheck() {}

    /** @param where e.g. {@code this machine's journal} or {@code the node's journal} */
    public static List<String> sequence(String host, String where, List<Entry> entries) {
        List<String> out = new ArrayList<>();
        Map<Integer, Entry.Intent> intents = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e instanceof Entry.Intent i) {
                Entry.Intent before = intents.putIfAbsent(i.seq(), i);
                if (before != null && !before.equals(i)) {
                    out.add(host + ": " + where + " has two different changes numbered #" + i.seq());
                }
            } else {
                int seq = seqOf(e);
                if (seq > 0 && !intents.containsKey(seq)) {
                    out.add(host + ": " + where + " has an outcome for change #" + seq + " but not its intent line");
                }
            }
        }
        TreeSet<Integer> seqs = new TreeSet<>(intents.keySet());
        if (!seqs.isEmpty()) {
            for (int n = 1; n < seqs.last(); n++) {
                if (!seqs.contains(n)) {
                    out.add(host + ": " + where + " lacks change #" + n + " (it records #" + seqs.first() + " to #"
                            + seqs.last() + ")");
                }
            }
        }
        return out;
    }

    /** Where the controller's and the node's journal of one host disagree about which changes the run made. */
    public static List<String> compare(String host, List<Recorded> controller, List<Recorded> node) {
        Map<Integer, Recorded> mine = bySeq(controller);
        Map<Integer, Recorded> theirs = bySeq(node);
        List<String> out = new ArrayList<>();
        TreeSet<Integer> all = new TreeSet<>(mine.keySet());
        all.addAll(theirs.keySet());
        for (int seq : all) {
            Recorded m = mine.get(seq);
            Recorded t = theirs.get(seq);
            if (m == null) {
                out.add(host + ": change #" + seq + " (" + t.change().describe() + ") is in the node's journal but not"
                        + " in this machine's");
            } else if (t == null) {
                out.add(host + ": change #" + seq + " (" + m.change().describe() + ") is in this machine's journal but"
                        + " not in the node's");
            } else if (!m.change().equals(t.change()) || m.task() != t.task() || !m.undoes().equals(t.undoes())) {
                out.add(host + ": change #" + seq + " differs between this machine's journal ("
                        + m.change().describe() + ") and the node's (" + t.change().describe() + ")");
            }
        }
        return out;
    }

    private static Map<Integer, Recorded> bySeq(List<Recorded> recorded) {
        Map<Integer, Recorded> out = new LinkedHashMap<>();
        recorded.forEach(r -> out.put(r.seq(), r));
        return out;
    }

    private static int seqOf(Entry e) {
        if (e instanceof Entry.Done d) {
            return d.seq();
        }
        if (e instanceof Entry.Unchanged u) {
            return u.seq();
        }
        return e instanceof Entry.Failed f ? f.seq() : 0;
    }
}
