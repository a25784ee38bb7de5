package dev.nodefix.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an INI host line into words as Ansible does ({@code shlex.split(line, comments=True)}, POSIX
 * mode): whitespace separates words, an unquoted {@code #} ends the line, {@code '...'} quotes
 * everything, {@code "..."} quotes all but {@code \"} and {@code \\}, a backslash outside quotes escapes
 * the next character. Each word keeps the 1-based column where it starts.
 */
final class IniWords {
    /** One word and the column where it starts. */
    record Word(String text, int column) {}

    /** A quote left open or a backslash at the end of the line. */
    static final class BadLine extends RuntimeException {
        BadLine(String message) {
            super(message);
        }
    }

    private IniWords() {}

    static List<Word> split(String line) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int start = -1;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                quote = c == '\'' ? 0 : quote;
                if (c != '\'') {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '#') {
                if (start >= 0) {
                    words.add(new Word(word.toString(), start + 1));
                    word.setLength(0);
                    start = -1;
                }
                if (c == '#') {
                    return words;
                }
            } else {
                start = start < 0 ? i : start;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\') {
                    if (i + 1 >= line.length()) {
                        throw new BadLine("No escaped character");
                    }
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new BadLine("No closing quotation");
        }
        if (start >= 0) {
            words.add(new Word(word.toString(), start + 1));
        }
        return words;
    }
}
