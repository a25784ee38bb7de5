package dev.nodefix.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Ansible's inventory data model ({@code InventoryData}) while a file is read: groups and hosts in the
 * order they were first seen, group membership, parent/child links (loops are errors), variables as
 * set (later settings win). {@link #reconcile()} applies Ansible's rules for "all" and "ungrouped".
 */
final class InventoryBuilder {
    static final String ALL = "all";
    static final String UNGROUPED = "ungrouped";

    /** A group while it is being read. */
    static final class GroupDraft {
        final String name;
        final Map<String, Var> vars = new LinkedHashMap<>();
        final Set<String> hosts = new LinkedHashSet<>();
        final Set<String> children = new LinkedHashSet<>();
        final Set<String> parents = new LinkedHashSet<>();
        int priority = 1;

        GroupDraft(String name) {
            this.name = name;
        }
    }

    /** A host while it is being read: its own variables and the groups that list it directly. */
    static final class HostDraft {
        final String name;
        final Map<String, Var> vars = new LinkedHashMap<>();
        final Set<String> groups = new LinkedHashSet<>();

        HostDraft(String name) {
            this.name = name;
        }
    }

    /** The most hosts one inventory may hold: far above any real cluster, far below what exhausts memory. */
    static final int MAX_HOSTS = 100_000;
    /** The most host-in-group entries (a host listed in ten groups counts ten). */
    static final int MAX_ENTRIES = 1_000_000;

    private final Map<String, GroupDraft> groups = new LinkedHashMap<>();
    private final Map<String, HostDraft> hosts = new LinkedHashMap<>();
    private int entries;

    InventoryBuilder() {
        addGroup(ALL);
        addGroup(UNGROUPED);
        link(ALL, UNGROUPED);
    }

    Map<String, GroupDraft> groups() {
        return groups;
    }

    Map<String, HostDraft> hosts() {
        return hosts;
    }

    void addGroup(String name) {
        groups.computeIfAbsent(name, GroupDraft::new);
    }

    /** Adds the host (first sighting decides the port from {@code host:port}) and lists it in the group. */
    void addHost(String name, String group, OptionalInt port, Location at) {
        if (++entries > MAX_ENTRIES) {
            throw new InventoryException(at, "the inventory lists hosts in groups more than " + MAX_ENTRIES
                    + " times; nodefix reads inventories of at most " + MAX_HOSTS + " hosts and " + MAX_ENTRIES
                    + " host-in-group entries");
        }
        HostDraft host = hosts.get(name);
        if (host == null && hosts.size() >= MAX_HOSTS) {
            throw new InventoryException(at, "the inventory holds more than " + MAX_HOSTS + " hosts; nodefix reads"
                    + " inventories of at most " + MAX_HOSTS + " hosts");
        }
        if (host == null) {
            host = new HostDraft(name);
            hosts.put(name, host);
            if (port.isPresent()) {
                host.vars.put("ansible_port", new Var(port.getAsInt(), at));
            }
        }
        groups.get(group).hosts.add(name);
        host.groups.add(group);
    }

    void addChild(String parent, String child, Location at) {
        if (child.equals(ALL)) {
            throw new InventoryException(at, "group 'all' cannot be a child of '" + parent + "'");
        }
        if (parent.equals(child) || ancestors(parent).contains(child)) {
            throw new InventoryException(at, "adding group '" + child + "' as a child of '" + parent
                    + "' creates a loop: '" + child + "' is already an ancestor of '" + parent + "'");
        }
        link(parent, child);
    }

    private void link(String parent, String child) {
        groups.get(parent).children.add(child);
        groups.get(child).parents.add(parent);
    }

    void setGroupVar(String group, String name, Var var) {
        groups.get(group).vars.put(name, var);
    }

    void setPriority(String group, int priority) {
        groups.get(group).priority = priority;
    }

    void setHostVar(String host, String name, Var var) {
        hosts.get(host).vars.put(name, var);
    }

    /** Every group above this one, transitively. */
    Set<String> ancestors(String group) {
        Set<String> result = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(groups.get(group).parents);
        while (!todo.isEmpty()) {
            String next = todo.remove(0);
            if (result.add(next)) {
                todo.addAll(groups.get(next).parents);
            }
        }
        return result;
    }

    /**
     * Ansible's {@code reconcile_inventory}: groups without a parent become children of "all"; a host
     * only in "all" goes to "ungrouped"; a host in "ungrouped" and in another group leaves "ungrouped".
     */
    void reconcile() {
        for (GroupDraft group : groups.values()) {
            if (!group.name.equals(ALL) && group.parents.isEmpty()) {
                link(ALL, group.name);
            }
        }
        GroupDraft ungrouped = groups.get(UNGROUPED);
        for (HostDraft host : hosts.values()) {
            boolean elsewhere = host.groups.stream().anyMatch(g -> !g.equals(ALL) && !g.equals(UNGROUPED));
            if (host.groups.contains(UNGROUPED) && elsewhere) {
                ungrouped.hosts.remove(host.name);
                host.groups.remove(UNGROUPED);
            } else if (!elsewhere && !host.groups.contains(UNGROUPED)) {
                ungrouped.hosts.add(host.name);
                host.groups.add(UNGROUPED);
            }
        }
    }
}
