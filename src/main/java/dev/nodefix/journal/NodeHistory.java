package dev.nodefix.journal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What reading every run's journal on one node gave ({@link NodeJournal#list()}). */
public sealed interface NodeHistory permits NodeHistory.Journals, NodeHistory.Unreadable, NodeHistory.Unreachable {
    /**
     * @param journals run id to that run's journal on the node, in the order the node listed them
     * @param running  run id to the seq of each of its changes still running on the node, to the pid applying it
     */
    record Journals(Map<String, JournalText> journals, Map<String, Map<Integer, Long>> running) implements NodeHistory {
        public Journals {
            journals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(journals));
            running = Map.copyOf(running);
        }
    }

    /** The node answered, but its journals could not be read. */
    record Unreadable(String why) implements NodeHistory {
        public Unreadable {
            Objects.requireNonNull(why, "why");
        }
    }

    record Unreachable(String why) implements NodeHistory {
        public Unreachable {
            Objects.requireNonNull(why, "why");
        }
    }

    /** Reads {@link NodeJournal#list()}'s output; a file whose name is not a run id is left out. */
    public static Journals parse(String host, String stdout, String stderr) {
        Pattern header = Pattern.compile("nodefix-journal (.*)");
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        StringBuilder current = null;
        String[] lines = stdout.split("\n", -1);
        int end = lines.length - (stdout.endsWith("\n") ? 1 : 0);
        for (int i = 0; i < end; i++) {
            Matcher m = header.matcher(lines[i]);
            if (m.matches()) {
                current = RunId.looksLike(m.group(1)) ? texts.computeIfAbsent(m.group(1), k -> new StringBuilder()) : null;
            } else if (lines[i].equals("nodefix-torn") && current != null && current.length() > 0) {
                current.setLength(current.length() - 1); // the newline the listing added after the torn line
            } else if (current != null) {
                current.append(lines[i]).append('\n');
            }
        }
        Map<String, JournalText> journals = new LinkedHashMap<>();
        texts.forEach((run, text) -> journals.put(run, JournalText.parse(host + ":" + NodeJournal.journalPath(run),
                text.toString())));
        Map<String, Map<Integer, Long>> running = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^inflight (\\S+) (\\d{1,9}) (\\d{1,10})$").matcher(stderr);
        while (m.find()) {
            running.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>())
                    .put(Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
        }
        return new Journals(journals, running);
    }

    /** The node's listing as it came back from a completed command. */
    public static NodeHistory of(String host, int exitCode, String stdout, String stderr) {
        return exitCode == 0 ? parse(host, stdout, stderr)
                : new Unreadable("exit " + exitCode + ": " + stderr.strip());
    }
}
