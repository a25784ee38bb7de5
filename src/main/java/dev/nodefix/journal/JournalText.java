package dev.nodefix.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A journal file's text, read back. A last line cut short by a crash (no newline, or not valid JSON) is
 * {@link #torn()}: reported, never dropped silently. A bad line before the last is corruption and fails.
 *
 * @param source where the text came from, for messages ({@code node1:/var/lib/nodefix/runs/X.journal})
 */
public record JournalText(String source, List<HostEntry> entries, Optional<Torn> torn) {
    /** @param line 1-based line number */
    public record Torn(String source, int line, String text, String reason) {
        public String message() {
            String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
            return source + ":" + line + ": torn last journal line (" + reason + "): " + shown;
        }
    }

    public JournalText {
        entries = List.copyOf(entries);
    }

    public static JournalText parse(String source, String text) {
        List<HostEntry> entries = new ArrayList<>();
        if (text.isEmpty()) {
            return new JournalText(source, entries, Optional.empty());
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
                return new JournalText(source, entries, Optional.of(new Torn(source, i + 1, line, "no newline")));
            }
            try {
                entries.add(EntryCodec.parse(line));
            } catch (JournalException e) {
                if (i == last - 1 && lines[last].isEmpty()) {
                    return new JournalText(source, entries, Optional.of(new Torn(source, i + 1, line, e.getMessage())));
                }
                throw new JournalException(source + ":" + (i + 1) + ": corrupt journal line: " + e.getMessage(), e);
            }
        }
        return new JournalText(source, entries, Optional.empty());
    }
}
