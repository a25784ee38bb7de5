package dev.nodefix.expr;

import dev.nodefix.transport.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The filters a {@code {{ expr | filter }}} may end with, as in Ansible templates. One exists: {@code quote}, which
 * makes any value one word for a POSIX shell (Python's {@code shlex.quote}, what Ansible's {@code quote} does): text
 * of only letters, digits and {@code @%+=:,./-_} as it is, anything else in single quotes with each {@code '} written
 * {@code '"'"'}, nothing as {@code ''}. A {@code |} inside quotes or brackets, and {@code ||}, are not filters.
 */
final class Filters {
    /** The filters nodefix knows, in messages. */
    static final List<String> KNOWN = List.of("quote");
    private static final Pattern NAME = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_]*\\s*");

    /** An expression split from the filters it ends with, in order. */
    record Chain(String expression, List<String> filters) {}

    private Filters() {}

    /** The expression and its filters; an unknown filter name is an error naming it. */
    static Chain split(String text) {
        List<String> parts = topLevelBars(text);
        if (parts.size() == 1 || !parts.subList(1, parts.size()).stream().allMatch(p -> NAME.matcher(p).matches())) {
            return new Chain(text.strip(), List.of());
        }
        List<String> filters = parts.subList(1, parts.size()).stream().map(String::strip).toList();
        for (String filter : filters) {
            if (!KNOWN.contains(filter)) {
                throw new ExpressionException(text.strip(), "unknown filter '" + filter + "' (nodefix has: "
                        + String.join(", ", KNOWN) + ")");
            }
        }
        return new Chain(parts.get(0).strip(), filters);
    }

    /** The value with one filter applied. */
    static String apply(String filter, Object value) {
        if (filter.equals("quote")) {
            return quote(value == null ? "" : PlainValues.render(value));
        }
        throw new IllegalStateException("unknown filter " + filter);
    }

    /** One word for a POSIX shell, as Python's shlex.quote writes it: the quoting every command gets. */
    static String quote(String text) {
        return Command.quote(text);
    }

    /** The text cut at each {@code |} outside quotes and brackets that is not part of {@code ||}. */
    private static List<String> topLevelBars(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == '|' && i + 1 < text.length() && text.charAt(i + 1) == '|') {
                i++;
            } else if (c == '|' && depth == 0) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }
}
