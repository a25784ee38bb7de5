package dev.nodefix.report;

import dev.nodefix.fact.NodeFacts;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * docs/schema/facts.schema.json as the fact model makes it: each record of {@link NodeFacts} an object with exactly
 * its components (snake_case, all required, {@code additionalProperties: false}), an Optional nullable, an enum its
 * lower-case names, a List an array, a Map an object of its values. The shipped file is this, so a new or renamed
 * fact cannot leave the schema behind (the schema test compares them).
 */
final class FactsSchema {
    private final Map<String, Object> defs = new TreeMap<>();

    static Map<String, Object> document() {
        FactsSchema s = new FactsSchema();
        Map<String, Object> factsRef = s.type(NodeFacts.class);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "nodefix facts --json");
        root.put("description", "What the collector read on each host, parsed (docs/json.md#facts). Generated from the"
                + " fact model; map keys that are data (interfaces, features, paths, units) are kept as found.");
        root.put("type", "object");
        root.put("additionalProperties", false);
        root.put("required", List.of("schema_version", "hosts"));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("schema_version", ordered("const", JsonDocument.SCHEMA_VERSION));
        props.put("hosts", ordered("type", "object", "additionalProperties", ordered("$ref", "#/$defs/host")));
        root.put("properties", props);
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("type", "object");
        host.put("additionalProperties", false);
        host.put("required", List.of("status", "facts", "message"));
        Map<String, Object> hostProps = new LinkedHashMap<>();
        hostProps.put("status", ordered("enum", List.of("ok", "unreachable", "failed")));
        hostProps.put("facts", nullable(factsRef));
        hostProps.put("message", nullable(ordered("type", "string")));
        host.put("properties", hostProps);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("host", host);
        all.putAll(s.defs);
        root.put("$defs", all);
        return root;
    }

    private Map<String, Object> type(Type t) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == Optional.class) {
                return nullable(type(args[0]));
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return ordered("type", "array", "items", type(args[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return ordered("type", "object", "additionalProperties", type(args[1]));
            }
            throw new IllegalArgumentException("no schema for " + t);
        }
        if (t instanceof WildcardType w) {
            return type(w.getUpperBounds()[0]);
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) {
            return ordered("type", "string");
        }
        if (c == int.class || c == long.class || c == Integer.class || c == Long.class || c == short.class) {
            return ordered("type", "integer");
        }
        if (c == boolean.class || c == Boolean.class) {
            return ordered("type", "boolean");
        }
        if (c == double.class || c == float.class || c == Double.class) {
            return ordered("type", "number");
        }
        if (c == Object.class) {
            return ordered();
        }
        if (c.isEnum()) {
            return ordered("enum", Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT)).toList());
        }
        if (c.isRecord()) {
            String name = c.getName().substring(c.getPackageName().length() + 1).replace('$', '.');
            if (!defs.containsKey(name)) {
                defs.put(name, ordered());
                defs.put(name, record(c));
            }
            return ordered("$ref", "#/$defs/" + name);
        }
        throw new IllegalArgumentException("no schema for " + t);
    }

    private Map<String, Object> record(Class<?> c) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent rc : c.getRecordComponents()) {
            String key = JsonDocument.key(rc.getName());
            props.put(key, type(rc.getGenericType()));
            required.add(key);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "object");
        m.put("additionalProperties", false);
        m.put("required", required);
        m.put("properties", props);
        return m;
    }

    private static Map<String, Object> nullable(Map<String, Object> s) {
        if (s.size() == 1 && s.get("type") instanceof String t) {
            return ordered("type", List.of(t, "null"));
        }
        if (s.size() == 1 && s.get("enum") instanceof List<?> values) {
            List<Object> withNull = new ArrayList<>(values);
            withNull.add(null);
            return ordered("enum", withNull);
        }
        if (s.isEmpty()) {
            return s;
        }
        return ordered("anyOf", List.of(s, ordered("type", "null")));
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
