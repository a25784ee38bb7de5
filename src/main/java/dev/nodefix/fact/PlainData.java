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
    /** Each record class's components and their accessors, looked up once per converter, not once per record. */
    private final Map<Class<?>, List<Component>> components = new java.util.concurrent.ConcurrentHashMap<>();
    private final UnaryOperator<String> names;

    private record Component(String name, java.lang.reflect.Method accessor) {}

    /**
     * A converter that remembers the record classes it has seen: one kept for a run converts every host's facts
     * without looking their dozens of record classes up again through reflection.
     */
    public PlainData() {
        this(UnaryOperator.identity());
    }

    /** As {@link #PlainData()}, each record component's name passed through {@code names}. */
    public PlainData(UnaryOperator<String> names) {
        this.names = names;
    }

    /** {@code value} as plain data, with a converter of its own. */
    public static Object of(Object value) {
        return new PlainData().plain(value);
    }

    /** As {@link #of(Object)}, each record component's name passed through {@code names}. */
    public static Object of(Object value, UnaryOperator<String> names) {
        return new PlainData(names).plain(value);
    }

    /** {@code value} as plain data. */
    public Object plain(Object value) {
        if (value instanceof Optional<?> o) {
            return o.map(this::plain).orElse(null);
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), plain(v)));
            return sorted;
        }
        if (value instanceof List<?> l) {
            List<Object> list = new ArrayList<>();
            l.forEach(v -> list.add(plain(v)));
            return list;
        }
        if (value instanceof Record r) {
            return record(r);
        }
        return value;
    }

    private Map<String, Object> record(Record r) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Component c : components.computeIfAbsent(r.getClass(), PlainData::componentsOf)) {
            try {
                map.put(names.apply(c.name()), plain(c.accessor().invoke(r)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.name() + " of " + r.getClass().getName(), e);
            }
        }
        return map;
    }

    private static List<Component> componentsOf(Class<?> type) {
        List<Component> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            out.add(new Component(c.getName(), c.getAccessor()));
        }
        return List.copyOf(out);
    }
}
