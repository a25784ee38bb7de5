package dev.nodefix.report;

/**
 * The one way text nodefix did not write is put on a terminal: host names (an inventory may hold any characters)
 * and what nodes print. Control characters (C0, DEL, C1), invisible format characters (bidirectional overrides,
 * zero-width ones) and line and paragraph separators are written as escapes ({@code \n}, {@code \r}, {@code \t},
 * {@code \e}, {@code \x07}, {@code \u202e}), so a name or an output line cannot start a forged line, move the
 * cursor, recolour the terminal or hide text.
 */
public final class UntrustedText {
    private UntrustedText() {}

    /** A name or any one-line value: every special character escaped, and a backslash doubled (so escapes stay unambiguous). */
    public static String name(String text) {
        return escape(text, false);
    }

    /** Output a node printed: its line breaks and tabs kept, every other special character escaped. */
    public static String output(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        if (text.codePoints().noneMatch(c -> special(c) || !keepLines && c == '\\')) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (keepLines && (c == '\n' || c == '\t')) {
                out.append((char) c);
            } else if (c == '\\' && !keepLines) {
                out.append("\\\\");
            } else if (special(c)) {
                out.append(escaped(c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean special(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String escaped(int c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0x1b -> "\\e";
            default -> c < 0x100 ? String.format("\\x%02x", c) : String.format("\\u%04x", c);
        };
    }
}
