package dev.nodefix.expr;

import java.util.List;
import java.util.Map;

/** The only values an expression context may hold, and how a value reads in a message or a string. */
final class PlainValues {
    private PlainValues() {}

    /** Fails unless every value, however deep, is a map with text keys, a list, text, a number, a switch or null. */
    static void check(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (!(k instanceof String)) {
                    throw new IllegalArgumentException("expression context: a map key is not text: " + k);
                }
                check(v);
            });
            return;
        }
        if (value instanceof List<?> l) {
            l.forEach(PlainValues::check);
            return;
        }
        throw new IllegalArgumentException("expression context holds a " + value.getClass().getName()
                + "; only maps, lists, text, numbers and switches are allowed");
    }

    /** An array (what a {@code [1, 2]} literal gives) as a list; anything else as it is. */
    static Object lists(Object value) {
        if (value == null || !value.getClass().isArray()) {
            return value;
        }
        List<Object> out = new java.util.ArrayList<>();
        for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
            out.add(lists(java.lang.reflect.Array.get(value, i)));
        }
        return out;
    }

    /** Text as is; numbers, switches, lists and maps as they would print in YAML flow style. */
    static String render(Object value) {
        if (value instanceof Map<?, ?> m) {
            StringBuilder out = new StringBuilder("{");
            m.forEach((k, v) -> out.append(out.length() > 1 ? ", " : "").append(k).append(": ").append(quoted(v)));
            return out.append('}').toString();
        }
        if (value instanceof List<?> l) {
            StringBuilder out = new StringBuilder("[");
            l.forEach(v -> out.append(out.length() > 1 ? ", " : "").append(quoted(v)));
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }

    /** For error messages: "a number (3)", "text 'abc'", "null". */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "text '" + s + "'";
        }
        if (value instanceof Number) {
            return "a number (" + value + ")";
        }
        if (value instanceof Map) {
            return "a map " + render(value);
        }
        if (value instanceof List) {
            return "a list " + render(value);
        }
        return "a " + value.getClass().getSimpleName();
    }

    private static String quoted(Object v) {
        return v instanceof String s ? "'" + s.replace("'", "''") + "'" : render(v);
    }
}
