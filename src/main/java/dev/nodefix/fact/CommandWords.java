package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A systemd command line ({@code ExecStart=}) as words, as systemd splits it: whitespace between words,
 * {@code "..."} and {@code '...'} quoting, backslash escapes; {@code ${NAME}} anywhere is the variable's value, a
 * word that is {@code $NAME} alone is its value split at whitespace
 * (https://www.freedesktop.org/software/systemd/man/systemd.service.html#Command%20lines).
 */
final class CommandWords {
    /** A word and the line it comes from (the variable's line for an expanded one). */
    record Word(String text, Place place) {}

    private CommandWords() {}

    /** The words of one line (an {@code Environment=} value), without variables. */
    static List<String> split(String text) {
        return raw(text).stream().map(RawWord::text).toList();
    }

    /**
     * The words of a command's lines, {@code $NAME} and {@code ${NAME}} replaced from {@code env}. Empty when a
     * variable it uses is not in {@code env} and {@code envWhole} is false (its value cannot be told).
     */
    static Optional<List<Word>> words(List<SystemdUnit.Line> lines, Map<String, SystemdUnit.Assignment> env,
                                      boolean envWhole) {
        List<Word> words = new ArrayList<>();
        for (SystemdUnit.Line line : lines) {
            String text = line.text().replaceAll("\\\\\\s*$", "");
            for (RawWord w : raw(text)) {
                if (!w.quoted() && w.text().matches("\\$[A-Za-z_][A-Za-z0-9_]*")) {
                    String name = w.text().substring(1);
                    SystemdUnit.Assignment a = env.get(name);
                    if (a == null && !envWhole) {
                        return Optional.empty();
                    }
                    if (a != null) {
                        for (String part : a.value().strip().split("\\s+")) {
                            if (!part.isEmpty()) {
                                words.add(new Word(part, a.place()));
                            }
                        }
                    }
                    continue;
                }
                Optional<String> expanded = braces(w.text(), env, envWhole);
                if (expanded.isEmpty()) {
                    return Optional.empty();
                }
                words.add(new Word(expanded.get(), line.place()));
            }
        }
        return Optional.of(words);
    }

    private static Optional<String> braces(String text, Map<String, SystemdUnit.Assignment> env, boolean envWhole) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            int end = start < 0 ? -1 : text.indexOf('}', start);
            if (start < 0 || end < 0) {
                out.append(text.substring(i));
                break;
            }
            out.append(text, i, start);
            String name = text.substring(start + 2, end);
            SystemdUnit.Assignment a = env.get(name);
            if (a == null && !envWhole) {
                return Optional.empty();
            }
            out.append(a == null ? "" : a.value());
            i = end + 1;
        }
        return Optional.of(out.toString());
    }

    private record RawWord(String text, boolean quoted) {}

    private static List<RawWord> raw(String text) {
        List<RawWord> words = new ArrayList<>();
        StringBuilder w = null;
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    w.append(text.charAt(++i));
                } else {
                    w.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    words.add(new RawWord(w.toString(), quoted));
                    w = null;
                    quoted = false;
                }
            } else {
                if (w == null) {
                    w = new StringBuilder();
                }
                if (c == '"' || c == '\'') {
                    quote = c;
                    quoted = true;
                } else if (c == '\\' && i + 1 < text.length()) {
                    w.append(text.charAt(++i));
                } else {
                    w.append(c);
                }
            }
        }
        if (w != null) {
            words.add(new RawWord(w.toString(), quoted));
        }
        return words;
    }
}
