package dev.nodefix.sshconfig;

import dev.nodefix.inventory.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits one ssh config line the way OpenSSH 9.2's readconf.c does: trailing whitespace dropped, the
 * keyword taken with {@code strdelim} (whitespace or one {@code =} ends it), the rest split into words with
 * {@code argv_split} (single and double quotes, backslash escapes, a word starting with {@code #} ends the line).
 */
final class LineSplitter {
    private static final String WHITESPACE = " \t\r\n";

    private LineSplitter() {}

    /** The split line, or empty for a blank or comment line. */
    static Optional<ConfigLine> split(String raw, String file, int lineNo) {
        String line = stripTrailing(raw);
        Delimited keyword = Delimited.next(line, 0);
        if (keyword != null && keyword.text().isEmpty()) {
            keyword = Delimited.next(line, keyword.next());
        }
        if (keyword == null || keyword.text().isEmpty() || keyword.text().startsWith("#")) {
            return Optional.empty();
        }
        Location at = new Location(file, lineNo, keyword.start() + 1);
        String name = keyword.text().toLowerCase(Locale.ROOT);
        String rest = keyword.next() < 0 ? "" : skip(line, keyword.next(), WHITESPACE);
        if (rest.isEmpty()) {
            throw new SshConfigException(at, "no argument after keyword \"" + name + "\"");
        }
        List<String> args = words(rest).orElseThrow(() -> new SshConfigException(at, "invalid quotes"));
        return Optional.of(new ConfigLine(name, args, rest, at));
    }

    /** ssh's argv_split with terminate_on_comment; empty when a quote is not closed. */
    static Optional<List<String>> words(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '#') {
                break;
            }
            StringBuilder word = new StringBuilder();
            i = word(s, i, word);
            if (i < 0) {
                return Optional.empty();
            }
            out.add(word.toString());
        }
        return Optional.of(out);
    }

    /** Copies one word starting at {@code i} into {@code word}; returns the index after it, -1 on an open quote. */
    private static int word(String s, int i, StringBuilder word) {
        char quote = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (c == '\\' && (next == '\'' || next == '"' || next == '\\' || (quote == 0 && next == ' '))) {
                word.append(next);
                i++;
            } else if (quote == 0 && (c == ' ' || c == '\t')) {
                return i;
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else {
                word.append(c);
            }
        }
        return quote != 0 ? -1 : i;
    }

    static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (WHITESPACE + "\f").indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    static String skip(String s, int from, String chars) {
        int i = from;
        while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }
}
