package dev.nodefix.inventory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One inventory host with its variables merged the way Ansible merges them (inventory groups,
 * group_vars and host_vars files, the host's own variables, see {@link VarPrecedence}), the groups it
 * belongs to (directly or through children, "all" excluded, sorted), its connection settings (see
 * {@link #connection()}), its
 * declared k3s role, and for each variable the place whose value won.
 */
public record Host(String name, Map<String, Object> vars, List<String> groups, Supplier<Connection> connector,
        Role role, Map<String, Location> origins) {
    public Host {
        Objects.requireNonNull(name, "name");
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        groups = List.copyOf(groups);
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(role, "role");
        origins = Map.copyOf(origins);
    }

    /** A host whose variables come from nowhere in particular (tests, stand-ins). */
    public Host(String name, Map<String, Object> vars, List<String> groups, Connection connection, Role role) {
        this(name, vars, groups, constant(connection), role, Map.of());
    }

    private static Supplier<Connection> constant(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        return () -> connection;
    }

    /**
     * How to reach the host. Resolved when the inventory is read, except when a connection variable is
     * vaulted: then it is decrypted here, on first use, and a missing vault password is an
     * {@link InventoryException} at the vaulted value.
     */
    public Connection connection() {
        return connector.get();
    }

    /** Where the winning value of {@code var} was set: inventory file:line:col or a group_vars/host_vars file. */
    public Optional<Location> origin(String var) {
        return Optional.ofNullable(origins.get(var));
    }

    /** The same host reached through what {@code newConnector} gives (ansible.cfg and the ssh config merged in). */
    public Host withConnector(Supplier<Connection> newConnector) {
        return new Host(name, vars, groups, newConnector, role, origins);
    }
}
