package dev.nodefix.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a reconciled {@link InventoryBuilder} into the immutable {@link Inventory}: groups in the order
 * Ansible created them, hosts in the order {@code ansible all --list-hosts} lists them (hosts of "all",
 * then of its children breadth first), each host with merged variables, connection and role.
 */
final class InventoryAssembler {
    private final ConnectionResolver connections;
    private final RoleResolver roles = new RoleResolver();

    InventoryAssembler(ConnectionResolver connections) {
        this.connections = connections;
    }

    Inventory assemble(String source, InventoryBuilder builder, AdjacentVars inventoryFiles, AdjacentVars playbookFiles) {
        VarPrecedence precedence = new VarPrecedence(builder, inventoryFiles, playbookFiles);
        Map<String, Group> groups = new LinkedHashMap<>();
        builder.groups().values().forEach(g -> groups.put(g.name, new Group(g.name, values(g.vars),
                List.copyOf(g.hosts), List.copyOf(g.children))));
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (String name : hostOrder(builder)) {
            InventoryBuilder.HostDraft draft = builder.hosts().get(name);
            hosts.put(name, host(draft, precedence));
        }
        return new Inventory(source, groups, hosts);
    }

    private Host host(InventoryBuilder.HostDraft draft, VarPrecedence precedence) {
        Map<String, Var> merged = precedence.merged(draft);
        Map<String, Object> vars = values(merged);
        Map<String, Location> origins = new LinkedHashMap<>();
        merged.forEach((name, var) -> origins.put(name, var.location()));
        List<String> groups = new ArrayList<>(precedence.groupsOf(draft));
        groups.sort(null);
        Supplier<Connection> connection = connections.needsVault(merged)
                ? new LazyConnection(() -> connections.resolve(draft.name, merged))
                : constant(connections.resolve(draft.name, merged));
        return new Host(draft.name, vars, groups, connection, roles.resolve(vars, groups), origins);
    }

    private static Supplier<Connection> constant(Connection connection) {
        return () -> connection;
    }

    private static Map<String, Object> values(Map<String, Var> vars) {
        Map<String, Object> values = new LinkedHashMap<>();
        vars.forEach((name, var) -> values.put(name, var.value()));
        return values;
    }

    /** Ansible's {@code Group.get_hosts()} for "all": each group's direct hosts, groups breadth first. */
    static List<String> hostOrder(InventoryBuilder builder) {
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>(List.of(InventoryBuilder.ALL));
        List<String> level = List.of(InventoryBuilder.ALL);
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String group : level) {
                hosts.addAll(builder.groups().get(group).hosts);
                for (String child : builder.groups().get(group).children) {
                    if (seen.add(child)) {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        hosts.addAll(builder.hosts().keySet());
        return List.copyOf(hosts);
    }
}
