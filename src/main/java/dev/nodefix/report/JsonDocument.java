package dev.nodefix.report;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every {@code --json} document shares (docs/json.md): {@code schema_version} as its first key, snake_case
 * keys, every documented key written (null when not known), pretty-printed. The version changes only when a key
 * is removed or changes meaning; a new key may appear without it.
 */
public final class JsonDocument {
    /** The version of every document's shape; docs/json.md and docs/schema/ describe this one. */
    public static final int SCHEMA_VERSION = 1;

    private JsonDocument() {}

    /** A document's root, {@code schema_version} already in it. */
    public static Map<String, Object> root() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema_version", SCHEMA_VERSION);
        return root;
    }

    public static String write(Map<String, Object> root) {
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES).asString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Java name as a JSON key: {@code osRelease} -> {@code os_release}, {@code k3sIptables} -> {@code k3s_iptables}. */
    public static String key(String name) {
        StringBuilder b = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && (!Character.isUpperCase(name.charAt(i - 1))
                        || i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)))) {
                    b.append('_');
                }
                b.append(Character.toLowerCase(c));
            } else if (c == '-') {
                b.append('_');
            } else {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
