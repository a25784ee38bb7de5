package dev.nodefix.query;

import dev.nodefix.inventory.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a plan may know about one node: the values of the queries it asked for, plus the node's k3s role.
 * Asking for a value that was not read is a programming error (the module forgot to declare the query).
 */
public record NodeState(String host, Role role, Map<Query, Object> values) {
    public NodeState {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(role, "role");
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public FileState file(String path) {
        return get(new Query.File(path), FileState.class);
    }

    public OffloadState offload(String iface) {
        return get(new Query.Offload(iface), OffloadState.class);
    }

    public DirState dir(DirQuery query) {
        return get(query, DirState.class);
    }

    public UnitState unit(String unit) {
        return get(new Query.Unit(unit), UnitState.class);
    }

    /** The L2 preflight's result, when the plan's reads included an {@link OnLinkQuery}. */
    public java.util.Optional<OnLinkState> onLink() {
        return values.values().stream().filter(OnLinkState.class::isInstance).map(OnLinkState.class::cast).findFirst();
    }

    /** The node's {@code k3s --version}, when the plan's reads included a {@link K3sVersionQuery}. */
    public java.util.Optional<dev.nodefix.fact.K3sVersion> k3sVersion() {
        return java.util.Optional.ofNullable(values.get(new K3sVersionQuery())).map(dev.nodefix.fact.K3sVersion.class::cast);
    }

    /** The k3s configuration and its files, when the plan's reads included a {@link K3sSourcesQuery}. */
    public java.util.Optional<K3sSources> k3sSources() {
        return values.values().stream().filter(K3sSources.class::isInstance).map(K3sSources.class::cast).findFirst();
    }

    private <T> T get(Query query, Class<T> type) {
        Object value = values.get(query);
        if (value == null) {
            throw new IllegalStateException("state not read: " + query + " (declare it in the module's reads())");
        }
        return type.cast(value);
    }
}
