package dev.nodefix.inventory;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The subset of Python's {@code ast.literal_eval} that Ansible's INI inventory plugin relies on to type
 * a value: numbers (int in any base, float), strings and bytes (quoted, prefixed, concatenated,
 * escapes), True/False/None, lists, tuples and dicts, a sign before a number, comments. Anything else
 * is not a literal and, as in Ansible, stays the text it was.
 */
final class PythonLiteral {
    private static final Pattern DIGITS = Pattern.compile("[0-9](?:_?[0-9])*");
    private static final Pattern DECIMAL = Pattern.compile("[1-9](?:_?[0-9])*|0+(?:_?0)*");
    private static final Pattern HEX = Pattern.compile("0[xX](?:_?[0-9a-fA-F])+");
    private static final Pattern OCT = Pattern.compile("0[oO](?:_?[0-7])+");
    private static final Pattern BIN = Pattern.compile("0[bB](?:_?[01])+");
    private static final String POINT = "(?:" + DIGITS + ")?\\.(?:" + DIGITS + ")|(?:" + DIGITS + ")\\.";
    private static final Pattern FLOAT = Pattern.compile("(?:" + POINT + ")(?:[eE][-+]?" + DIGITS + ")?"
            + "|(?:" + DIGITS + ")[eE][-+]?" + DIGITS);

    /** Thrown when the text is not a Python literal. */
    private static final class NotALiteral extends RuntimeException {
        NotALiteral() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** Ansible's {@code _parse_value}: the literal's value (null for None), or the text itself when it is not one. */
    static Object typed(String text) {
        PythonLiteral parser = new PythonLiteral(text);
        try {
            Object value = parser.expression();
            if (parser.pos != text.length()) {
                return text;
            }
            return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value;
        } catch (NotALiteral | StringIndexOutOfBoundsException e) {
            return text;
        }
    }

    /** A value, or a tuple written without parentheses ({@code 1, 2}). */
    private Object expression() {
        Object first = value();
        skipSpace();
        if (pos >= text.length() || peek() != ',') {
            return first;
        }
        List<Object> tuple = new ArrayList<>();
        tuple.add(first);
        while (pos < text.length() && peek() == ',') {
            pos++;
            skipSpace();
            if (pos < text.length()) {
                tuple.add(value());
                skipSpace();
            }
        }
        return tuple;
    }

    private Object value() {
        skipSpace();
        char c = peek();
        if (c == '-' || c == '+') {
            pos++;
            skipSpace();
            Object number = number();
            return c == '-' ? negate(number) : number;
        }
        if (c == '[') {
            pos++;
            return items(']');
        }
        if (c == '(') {
            pos++;
            return parenthesized();
        }
        if (c == '{') {
            pos++;
            return dict();
        }
        if (Character.isDigit(c) || c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
            return number();
        }
        if (c == '\'' || c == '"') {
            return strings("");
        }
        return name();
    }

    private Object name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (pos < text.length() && (peek() == '\'' || peek() == '"') && PythonString.isPrefix(name)) {
            return strings(name);
        }
        return switch (name) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> null;
            default -> throw new NotALiteral();
        };
    }

    private Object strings(String firstPrefix) {
        PythonString first = readString(firstPrefix);
        StringBuilder out = new StringBuilder(first.text());
        boolean bytes = first.bytes();
        while (true) {
            int save = pos;
            skipSpace();
            int start = pos;
            while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                pos++;
            }
            String prefix = text.substring(start, pos);
            if (pos >= text.length() || !(peek() == '\'' || peek() == '"') || !PythonString.isPrefix(prefix)) {
                pos = save;
                break;
            }
            PythonString next = readString(prefix);
            if (next.bytes() != bytes) {
                throw new NotALiteral();
            }
            out.append(next.text());
        }
        return bytes ? out.toString().getBytes(StandardCharsets.ISO_8859_1) : out.toString();
    }

    private PythonString readString(String prefix) {
        PythonString.Read read = PythonString.read(text, pos, prefix).orElseThrow(NotALiteral::new);
        pos = read.end();
        return read.value();
    }

    private Object number() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            boolean sign = (c == '+' || c == '-') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')
                    && !text.substring(start, pos).matches("0[xX].*");
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || sign)) {
                break;
            }
            pos++;
        }
        String token = text.substring(start, pos);
        if (DECIMAL.matcher(token).matches()) {
            return Yaml11Scalars.narrow(new BigInteger(token.replace("_", "")));
        } else if (HEX.matcher(token).matches() || OCT.matcher(token).matches() || BIN.matcher(token).matches()) {
            int radix = switch (Character.toLowerCase(token.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            return Yaml11Scalars.narrow(new BigInteger(token.substring(2).replace("_", ""), radix));
        } else if (FLOAT.matcher(token).matches()) {
            return Double.parseDouble(token.replace("_", ""));
        }
        throw new NotALiteral();
    }

    private static Object negate(Object number) {
        if (number instanceof Double d) {
            return -d;
        }
        return Yaml11Scalars.narrow(new BigInteger(number.toString()).negate());
    }

    private Object parenthesized() {
        skipSpace();
        if (peek() == ')') {
            pos++;
            return List.of();
        }
        Object first = value();
        skipSpace();
        if (peek() == ')') {
            pos++;
            return first;
        }
        expect(',');
        List<Object> rest = items(')');
        List<Object> tuple = new ArrayList<>();
        tuple.add(first);
        tuple.addAll(rest);
        return tuple;
    }

    private List<Object> items(char close) {
        List<Object> list = new ArrayList<>();
        skipSpace();
        while (peek() != close) {
            list.add(value());
            skipSpace();
            if (peek() != close) {
                expect(',');
                skipSpace();
            }
        }
        pos++;
        return list;
    }

    private Map<Object, Object> dict() {
        Map<Object, Object> map = new LinkedHashMap<>();
        skipSpace();
        while (peek() != '}') {
            Object key = value();
            if (key instanceof List || key instanceof Map || key instanceof byte[]) {
                throw new NotALiteral();
            }
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (peek() != '}') {
                expect(',');
                skipSpace();
            }
        }
        pos++;
        return map;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new NotALiteral();
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw new NotALiteral();
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                pos = text.length();
            } else if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else {
                return;
            }
        }
    }
}
