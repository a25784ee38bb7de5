package dev.nodefix.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A journal file's text, read back. A last line cut short by a crash (no newline, or not valid JSON) is
 * {@link #torn()}: reported, never dropped silently. A bad line before the last is {@link #garbled()}: kept with
 * its line number and reason, so whoever reads the journal reports it by name and decides (rollback refuses
 * unless told which evidence to trust).
 *
 * @param source where the text came from, for messages ({@code node1:/var/lib/nodefix/runs/X.journal})
 */
public record JournalText(String source, List<HostEntry> entries, Optional<Torn> torn, List<Torn> garbled) {
    /** @param line 1-based line number */
    public record Torn(String source, int line, String text, String reason) {
        public String message() {
            return source + ":" + line + ": torn last journal line (" + reason + "): " + shown();
        }

        /** For a line before the last: it is damaged, not cut short by a crash. */
        public String garbledMessage() {
            return source + ":" + line + ": garbled journal line (" + reason + "): " + shown();
        }

        private String shown() {
            String one = text.replaceAll("\\p{Cntrl}", "?");
            return one.length() > 80 ? one.substring(0, 80) + "..." : one;
        }
    }

    public JournalText {
        entries = List.copyOf(entries);
        garbled = List.copyOf(garbled);
    }

    public JournalText(String source, List<HostEntry> entries, Optional<Torn> torn) {
        this(source, entries, torn, List.of());
    }

    public static JournalText parse(String source, String text) {
        List<HostEntry> entries = new ArrayList<>();
        List<Torn> garbled = new ArrayList<>();
        if (text.isEmpty()) {
            return new JournalText(source, entries, Optional.empty(), garbled);
        }
        String[] lines = text.split("\n", -1);
        int last = lines.length - 1; // after a final newline this is the empty remainder
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean isLast = i == last;
            if (isLast && line.isEmpty()) {
                break;
            }
            if (isLast) {
                return new JournalText(source, entries, Optional.of(new Torn(source, i + 1, line, "no newline")), garbled);
            }
            try {
                entries.add(EntryCodec.parse(line));
            } catch (JournalException e) {
                Torn bad = new Torn(source, i + 1, line, e.getMessage());
                if (i == last - 1 && lines[last].isEmpty()) {
                    return new JournalText(source, entries, Optional.of(bad), garbled);
                }
                garbled.add(bad);
            }
        }
        return new JournalText(source, entries, Optional.empty(), garbled);
    }

    /** Fails naming every garbled line, for readers that cannot go on past one. */
    public JournalText requireIntact() {
        if (!garbled.isEmpty()) {
            throw new JournalException(String.join("; ", garbled.stream().map(Torn::garbledMessage).toList()));
        }
        return this;
    }
}
