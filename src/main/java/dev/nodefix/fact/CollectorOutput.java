package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector's raw output split into its sections. A section that was begun but never ended
 * (output cut off) is {@link Section.Status#MISSING}, like one that never started.
 */
public record CollectorOutput(Map<String, Section> sections) {
    private static final Pattern BEGIN = Pattern.compile("@@nodefix:section ([A-Za-z0-9-]+)@@");
    private static final Pattern END = Pattern.compile("@@nodefix:end ([A-Za-z0-9-]+) (absent|rc=(\\d+))@@");

    public CollectorOutput {
        sections = Map.copyOf(sections);
    }

    public static CollectorOutput split(String raw) {
        Map<String, Section> sections = new LinkedHashMap<>();
        String open = null;
        List<String> lines = new ArrayList<>();
        for (String line : raw.replace("\r\n", "\n").split("\n", -1)) {
            if (!line.startsWith("@@nodefix:")) { // most lines: no framing to match (saves two regexes a line)
                if (open != null) {
                    lines.add(line);
                }
                continue;
            }
            Matcher begin = BEGIN.matcher(line);
            Matcher end = END.matcher(line);
            if (begin.matches()) {
                open = begin.group(1);
                lines = new ArrayList<>();
            } else if (open != null && end.matches() && end.group(1).equals(open)) {
                sections.put(open, close(open, end, lines));
                open = null;
            } else if (open != null) {
                lines.add(line);
            }
        }
        return new CollectorOutput(sections);
    }

    private static Section close(String name, Matcher end, List<String> lines) {
        if (end.group(3) == null) {
            return Section.absent(name);
        }
        List<String> body = new ArrayList<>(lines);
        if (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
            body.remove(body.size() - 1); // the newline the collector adds before the end marker
        }
        return Section.ran(name, Integer.parseInt(end.group(3)), body);
    }

    public Section section(String name) {
        return sections.getOrDefault(name, Section.missing(name));
    }
}
