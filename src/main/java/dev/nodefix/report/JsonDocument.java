package dev.nodefix.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.fact.FactKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
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

    /** A Java name as a JSON key: the facts' snake_case ({@link FactKeys#snake}), the one expressions read too. */
    public static String key(String name) {
        return FactKeys.snake(name);
    }
}
