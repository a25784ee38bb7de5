package dev.nodefix.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's variable precedence for one host: "all", then the host's other groups (direct and
 * inherited) sorted by depth (longest path from "all"), then {@code ansible_group_priority}, then name,
 * each overriding the ones before; the host's own variables last.
 */
final class VarPrecedence {
    private final InventoryBuilder inventory;
    private final Map<String, Integer> depths = new HashMap<>();

    VarPrecedence(InventoryBuilder inventory) {
        this.inventory = inventory;
        depths.put(InventoryBuilder.ALL, 0);
        for (String group : inventory.groups().keySet()) {
            depth(group, new LinkedHashSet<>());
        }
    }

    private int depth(String group, Set<String> path) {
        Integer known = depths.get(group);
        if (known != null) {
            return known;
        }
        path.add(group);
        int deepest = 0;
        for (String parent : inventory.groups().get(group).parents) {
            if (!path.contains(parent)) {
                deepest = Math.max(deepest, depth(parent, path) + 1);
            }
        }
        path.remove(group);
        depths.put(group, deepest);
        return deepest;
    }

    /** The host's groups, direct and inherited, "all" excluded, in the order their variables apply. */
    List<String> groupsOf(InventoryBuilder.HostDraft host) {
        Set<String> all = new LinkedHashSet<>();
        for (String direct : host.groups) {
            all.add(direct);
            all.addAll(inventory.ancestors(direct));
        }
        all.remove(InventoryBuilder.ALL);
        List<String> ordered = new ArrayList<>(all);
        ordered.sort(Comparator.<String>comparingInt(depths::get)
                .thenComparingInt(g -> inventory.groups().get(g).priority)
                .thenComparing(Comparator.naturalOrder()));
        return ordered;
    }

    Map<String, Var> merged(InventoryBuilder.HostDraft host) {
        Map<String, Var> vars = new LinkedHashMap<>(inventory.groups().get(InventoryBuilder.ALL).vars);
        for (String group : groupsOf(host)) {
            vars.putAll(inventory.groups().get(group).vars);
        }
        vars.putAll(host.vars);
        return vars;
    }
}
