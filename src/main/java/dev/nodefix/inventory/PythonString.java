package dev.nodefix.inventory;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One Python string or bytes literal as {@link PythonLiteral} reads it: an optional prefix (r, u, b and
 * their combinations; f-strings are not literals), single, double or triple quotes, and the escapes of a
 * non-raw literal. Bytes are kept as text of ISO-8859-1 characters.
 */
record PythonString(String text, boolean bytes) {
    private static final Set<String> PREFIXES = Set.of("", "r", "u", "b", "br", "rb");
    /** What {@code \a \b \f \n \r \t \v} stand for, in that order. */
    private static final String SIMPLE_ESCAPES = "\u0007\b\f\n\r\t\u000b";

    /** A literal read from the text, and the index just after its closing quote. */
    record Read(PythonString value, int end) {}

    static boolean isPrefix(String prefix) {
        return PREFIXES.contains(prefix.toLowerCase(Locale.ROOT));
    }

    /** Reads the literal whose opening quote is at {@code start}; empty when it is not closed. */
    static Optional<Read> read(String text, int start, String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        boolean raw = p.contains("r");
        boolean bytes = p.contains("b");
        char quote = text.charAt(start);
        String delimiter = text.startsWith(String.valueOf(quote).repeat(3), start) ? String.valueOf(quote).repeat(3)
                : String.valueOf(quote);
        StringBuilder out = new StringBuilder();
        int i = start + delimiter.length();
        while (i < text.length()) {
            if (text.startsWith(delimiter, i)) {
                return Optional.of(new Read(new PythonString(out.toString(), bytes), i + delimiter.length()));
            }
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                i = raw ? rawEscape(text, i, out) : escape(text, i, out, bytes);
                if (i < 0) {
                    return Optional.empty();
                }
                continue;
            }
            if ((c == '\n' || c == '\r') && delimiter.length() == 1 || bytes && c > 127) {
                return Optional.empty();
            }
            out.append(c);
            i++;
        }
        return Optional.empty();
    }

    private static int rawEscape(String text, int i, StringBuilder out) {
        out.append('\\').append(text.charAt(i + 1));
        return i + 2;
    }

    /** Appends the escape at {@code i} (a backslash); returns the index after it, or -1 when it is invalid. */
    private static int escape(String text, int i, StringBuilder out, boolean bytes) {
        char e = text.charAt(i + 1);
        switch (e) {
            case '\n' -> { }
            case '\\', '\'', '"' -> out.append(e);
            case 'a', 'b', 'f', 'n', 'r', 't', 'v' -> out.append(SIMPLE_ESCAPES.charAt("abfnrtv".indexOf(e)));
            case 'x' -> {
                return hex(text, i + 2, 2, out);
            }
            case 'u', 'U' -> {
                if (bytes) {
                    out.append('\\').append(e);
                    return i + 2;
                }
                return hex(text, i + 2, e == 'u' ? 4 : 8, out);
            }
            case 'N' -> {
                return bytes ? appendLiteral(out, i) : -1;
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    return octal(text, i + 1, out);
                }
                out.append('\\').append(e);
            }
        }
        return i + 2;
    }

    private static int appendLiteral(StringBuilder out, int i) {
        out.append("\\N");
        return i + 2;
    }

    private static int hex(String text, int from, int digits, StringBuilder out) {
        if (from + digits > text.length() || !text.substring(from, from + digits).matches("[0-9a-fA-F]+")) {
            return -1;
        }
        int code = Integer.parseInt(text.substring(from, from + digits), 16);
        if (!Character.isValidCodePoint(code)) {
            return -1;
        }
        out.appendCodePoint(code);
        return from + digits;
    }

    private static int octal(String text, int from, StringBuilder out) {
        int end = from;
        while (end < text.length() && end < from + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
            end++;
        }
        out.appendCodePoint(Integer.parseInt(text.substring(from, end), 8));
        return end;
    }
}
