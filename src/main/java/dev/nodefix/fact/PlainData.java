package dev.nodefix.fact;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A fact value as plain data (maps, lists, strings, longs, booleans, null) for JSON and for the data-driven
 * tests: record components by name in declaration order, enums as lower-case names, empty Optionals as null,
 * maps sorted by key, every integral number as a {@code Long}. {@link #of(Object, UnaryOperator)} also renames
 * record components (JSON's snake_case); map keys are data (interfaces, paths, units) and are kept as they are.
 */
public final class PlainData {
    private PlainData() {}

    public static Object of(Object value) {
        return of(value, UnaryOperator.identity());
    }

    /** As {@link #of(Object)}, each record component's name passed through {@code names}. */
    public static Object of(Object value, UnaryOperator<String> names) {
        if (value instanceof Optional<?> o) {
            return o.map(v -> of(v, names)).orElse(null);
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), of(v, names)));
            return sorted;
        }
        if (value instanceof List<?> l) {
            List<Object> list = new ArrayList<>();
            l.forEach(v -> list.add(of(v, names)));
            return list;
        }
        if (value instanceof Record r) {
            return record(r, names);
        }
        return value;
    }

    private static Map<String, Object> record(Record r, UnaryOperator<String> names) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                map.put(names.apply(c.getName()), of(c.getAccessor().invoke(r), names));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
        }
        return map;
    }
}
