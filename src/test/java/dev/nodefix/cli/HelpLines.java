package dev.nodefix.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a help text rendered so wide that nothing was wrapped, so that every line break in it is one the text
 * asked for: literal blocks (the indented lines under a line ending in ':', such as examples) and the lines where a
 * sentence was cut.
 */
final class HelpLines {
    private HelpLines() {}

    /**
     * Each pair of lines where the first stops without ending its sentence (no {@code . : ; ! ?} at its end) and the
     * second goes on at the same or a deeper indentation, as {@code "first / second"}. Literal blocks, the synopsis
     * and the lines picocli gives long option names of their own are left out.
     */
    static List<String> brokenMidSentence(String help) {
        List<String> lines = help.lines().map(String::stripTrailing).toList();
        boolean[] literal = literal(lines);
        List<String> broken = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String a = lines.get(i);
            String b = lines.get(i + 1);
            if (a.isBlank() || b.isBlank() || literal[i] || literal[i + 1] || a.startsWith("Usage:")
                    || optionNamesOnly(a)) {
                continue;
            }
            if (indent(b) >= indent(a) && !a.matches(".*[.:;!?]")) {
                broken.add(a.strip() + " / " + b.strip());
            }
        }
        return broken;
    }

    /**
     * Each pair of lines of {@code wrapped} where a word was cut (as {@code "ansible. / cfg"}): the last word of the
     * first line and the first word of the second, put together, are a word of {@code unwrapped} (the same help
     * rendered so wide that nothing was wrapped), where a line that breaks at a space has the two words apart.
     */
    static List<String> brokenInsideWord(String wrapped, String unwrapped) {
        List<String> lines = wrapped.lines().map(String::stripTrailing).toList();
        java.util.Set<String> words = new java.util.HashSet<>(List.of(unwrapped.split("\\s+")));
        List<String> broken = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String a = lines.get(i).strip();
            String b = lines.get(i + 1).strip();
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            String tail = a.substring(a.lastIndexOf(' ') + 1);
            String head = b.split(" ", 2)[0];
            if (words.contains(tail + head)) {
                broken.add(tail + " / " + head);
            }
        }
        return broken;
    }

    /** The lines of literal blocks (examples), as printed; picocli's own section lists are not literal. */
    static List<String> literalLines(String help) {
        List<String> lines = help.lines().map(String::stripTrailing).toList();
        boolean[] literal = literal(lines);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (literal[i] && !inSection(lines, i, "Commands:")) {
                out.add(lines.get(i));
            }
        }
        return out;
    }

    /** The lines under a heading such as {@code Commands:}, up to the first blank or unindented line. */
    static List<String> section(String help, String heading) {
        List<String> lines = help.lines().map(String::stripTrailing).toList();
        List<String> out = new ArrayList<>();
        for (int i = lines.indexOf(heading) + 1; i > 0 && i < lines.size() && indent(lines.get(i)) > 0; i++) {
            out.add(lines.get(i));
        }
        return out;
    }

    /** Marks the lines indented deeper than a non-blank line ending in ':' above them, while they stay deeper. */
    private static boolean[] literal(List<String> lines) {
        boolean[] literal = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String head = lines.get(i);
            if (head.isBlank() || !head.endsWith(":") || literal[i]) {
                continue;
            }
            for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank() && indent(lines.get(j)) > indent(head); j++) {
                literal[j] = true;
            }
        }
        return literal;
    }

    private static boolean inSection(List<String> lines, int index, String heading) {
        for (int i = index; i >= 0; i--) {
            if (indent(lines.get(i)) == 0) {
                return lines.get(i).equals(heading);
            }
        }
        return false;
    }

    /** An option row holding only names ({@code --vault-id=[LABEL@]SOURCE}), its description on the next line. */
    private static boolean optionNamesOnly(String line) {
        String text = line.strip();
        return text.startsWith("-") && !text.contains("  ");
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
