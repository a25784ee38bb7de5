package dev.nodefix.query;

/** Reads one query's value out of a {@link NodeState}, for the query kinds that carry their own accessor. */
final class QueryValues {
    private QueryValues() {}

    static <T> T get(NodeState state, Query query, Class<T> type) {
        Object value = state.values().get(query);
        if (value == null) {
            throw new IllegalStateException("state not read: " + query + " (declare it in the module's reads())");
        }
        return type.cast(value);
    }
}
