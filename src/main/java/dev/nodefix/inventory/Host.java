package dev.nodefix.inventory;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One inventory host with its variables merged the way Ansible merges them
 * (all < parent group < child group < host), the groups it belongs to (directly or through
 * children, "all" excluded, sorted), its connection settings and its declared k3s role.
 */
public record Host(String name, Map<String, Object> vars, List<String> groups, Connection connection, Role role) {
    public Host {
        Objects.requireNonNull(name, "name");
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        groups = List.copyOf(groups);
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(role, "role");
    }
}
