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

    private final String line;
    private final List<Word> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private int start = -1;
    private char quote;

    private IniWords(String line) {
        this.line = line;
    }

    static List<Word> split(String line) {
        return new IniWords(line).words();
    }

    private List<Word> words() {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                i = quoted(c, i);
            } else if (c == '#') {
                endWord();
                return words;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                endWord();
            } else {
                i = unquoted(c, i);
            }
        }
        if (quote != 0) {
            throw new BadLine("No closing quotation");
        }
        endWord();
        return words;
    }

    /** Handles {@code c} at {@code i} inside quotes; returns the index of the last character used. */
    private int quoted(char c, int i) {
        if (c == quote) {
            quote = 0;
        } else if (quote == '"' && c == '\\' && i + 1 < line.length()
                && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
            word.append(line.charAt(i + 1));
            return i + 1;
        } else {
            word.append(c);
        }
        return i;
    }

    private int unquoted(char c, int i) {
        start = start < 0 ? i : start;
        if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '\\') {
            if (i + 1 >= line.length()) {
                throw new BadLine("No escaped character");
            }
            word.append(line.charAt(i + 1));
            return i + 1;
        } else {
            word.append(c);
        }
        return i;
    }

    private void endWord() {
        if (start >= 0) {
            words.add(new Word(word.toString(), start + 1));
            word.setLength(0);
            start = -1;
        }
    }
}
