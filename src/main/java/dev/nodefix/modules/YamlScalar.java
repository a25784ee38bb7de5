package dev.nodefix.modules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A scalar as nodefix writes it into a YAML file: plain when every YAML reader (1.1 as Go's yaml.v2 in k3s,
 * or 1.2) reads it back as the same string, double-quoted otherwise; switches and numbers as they are.
 */
final class YamlScalar {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/.][A-Za-z0-9_./@=+:,%-]*");
    /** Plain text that YAML 1.1 or 1.2 reads as something other than a string. */
    private static final Pattern NOT_A_STRING = Pattern.compile(String.join("|",
            "(?i:y|n|yes|no|true|false|on|off|null)", "[-+]?[0-9][0-9_]*", "0[box][0-9a-fA-F_]+",
            "[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?", "[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+",
            "[-+]?\\.(?i:inf|nan)", "[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?", "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*"));

    private YamlScalar() {}

    static String render(Object value) {
        if (value instanceof Boolean || value instanceof Number) {
            return String.valueOf(value);
        }
        String s = (String) value;
        if (PLAIN.matcher(s).matches() && !s.endsWith(":") && !NOT_A_STRING.matcher(s).matches()) {
            return s;
        }
        return quote(s);
    }

    /** The text a YAML reader gives for a value as {@link #render} writes it (what k3s turns into a flag). */
    static Object text(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(YamlScalar::text).toList();
        }
        return String.valueOf(value);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
