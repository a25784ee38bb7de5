package dev.nodefix.cli;

import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;

/**
 * A help text table that wraps lines at spaces only. picocli's wrapping follows the JDK's line breaks, which fall
 * after a '.', ':' or ',' inside a word: {@code ansible.cfg} came out as {@code ansible.} at a line's end and
 * {@code cfg} on the next, {@code node_ip=10.0.0.1} and URLs likewise. Here every ASCII punctuation character that is
 * followed by more of its word stands in for itself as a private-use character while the line breaks are found
 * (the JDK treats those as letters), and is put back when the table is printed; the widths are the same, so only
 * where lines break changes. A word longer than its column is still cut, as picocli does.
 */
final class WordTable extends TextTable {
    /** Where the stand-ins begin: {@code BASE + c} for the ASCII character {@code c} (U+E000..U+E07F, private use). */
    private static final char BASE = '\uE000';

    private final ColorScheme scheme;

    WordTable(ColorScheme colorScheme, Column... columns) {
        super(colorScheme, columns);
        this.scheme = colorScheme;
    }

    /** A table with the columns picocli's {@code forColumnWidths} gives: all spanning but the last, which wraps. */
    static WordTable ofWidths(ColorScheme colorScheme, int... widths) {
        return new WordTable(colorScheme, TextTable.forColumnWidths(colorScheme, widths).columns());
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
        return super.putValue(row, col, value == null ? null : joined(value));
    }

    @Override
    public StringBuilder toString(StringBuilder text) {
        return text.append(restored(super.toString(new StringBuilder()).toString()));
    }

    /** {@code value} with each punctuation character inside a word replaced by its stand-in, styles kept. */
    private Text joined(Text value) {
        String plain = value.plainString();
        Text out = null;
        int from = 0;
        for (int i = 0; i + 1 < plain.length(); i++) {
            if (inWord(plain.charAt(i), plain.charAt(i + 1))) {
                Text before = value.substring(from, i);
                Text standIn = scheme.ansi().new Text(String.valueOf((char) (BASE + plain.charAt(i))), scheme);
                out = (out == null ? before : out.concat(before)).concat(standIn);
                from = i + 1;
            }
        }
        return out == null ? value : out.concat(value.substring(from));
    }

    /** An ASCII punctuation character (not '-', which picocli keeps whole itself) followed by a non-space. */
    private static boolean inWord(char c, char next) {
        return c > ' ' && c < 0x7f && c != '-' && !Character.isLetterOrDigit(c) && !Character.isWhitespace(next);
    }

    /** The printed table with the stand-ins turned back into the characters they stand for. */
    static String restored(String printed) {
        StringBuilder out = new StringBuilder(printed.length());
        for (int i = 0; i < printed.length(); i++) {
            char c = printed.charAt(i);
            out.append(c >= BASE && c < BASE + 0x80 ? (char) (c - BASE) : c);
        }
        return out.toString();
    }
}
