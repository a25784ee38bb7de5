package dev.nodefix.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * POSIX shell word splitting, as Python's {@code shlex.split} does it: whitespace separates words,
 * {@code '...'} quotes everything, {@code "..."} quotes all but {@code \"}, {@code \\}, {@code \$} and
 * {@code \`}, a backslash outside quotes escapes the next character.
 */
public final class ShellWords {
    private final String text;
    private final List<String> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;
    private char quote;

    private ShellWords(String text) {
        this.text = text;
    }

    /** The words; an unbalanced quote is a {@link SshArgs.BadArgs}. */
    public static List<String> split(String text) {
        return new ShellWords(text).words();
    }

    private List<String> words() {
        for (int i = 0; i < text.length(); i++) {
            i = consume(i);
        }
        if (quote != 0) {
            throw new SshArgs.BadArgs("unbalanced " + (quote == '"' ? "double" : "single") + " quote in ssh arguments");
        }
        endWord();
        return words;
    }

    /** Handles the character at {@code i}; returns the index of the last character used. */
    private int consume(int i) {
        char c = text.charAt(i);
        if (quote == '\'') {
            closeOrAppend(c);
        } else if (c == '\\' && i + 1 < text.length() && (quote == 0 || "\"\\$`".indexOf(text.charAt(i + 1)) >= 0)) {
            append(text.charAt(i + 1));
            return i + 1;
        } else if (quote == '"') {
            closeOrAppend(c);
        } else if (c == '\'' || c == '"') {
            quote = c;
            inWord = true;
        } else if (Character.isWhitespace(c)) {
            endWord();
        } else {
            append(c);
        }
        return i;
    }

    private void closeOrAppend(char c) {
        if (c == quote) {
            quote = 0;
        } else {
            word.append(c);
        }
    }

    private void append(char c) {
        word.append(c);
        inWord = true;
    }

    private void endWord() {
        if (inWord) {
            words.add(word.toString());
            word.setLength(0);
            inWord = false;
        }
    }
}
