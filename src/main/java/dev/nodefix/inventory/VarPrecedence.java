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
 * Ansible's variable precedence for one host ({@code VariableManager.get_vars} with its default
 * VARIABLE_PRECEDENCE), each layer overriding the ones before: the inventory variables of "all", then of
 * the host's other groups (direct and inherited) sorted by depth (longest path from "all"),
 * {@code ansible_group_priority} and name; group_vars/all beside the inventory sources, then beside the
 * playbook; the other groups' group_vars files beside the inventory sources (source by source, groups in
 * the same order), then beside the playbook; the host's inventory variables, its host_vars beside the
 * inventory sources, then beside the playbook. So group_vars/all.yml beats an inventory's [g:vars].
 */
final class VarPrecedence {
    private final InventoryBuilder inventory;
    private final AdjacentVars inventoryFiles;
    private final AdjacentVars playbookFiles;
    private final Map<String, Integer> depths = new HashMap<>();

    VarPrecedence(InventoryBuilder inventory, AdjacentVars inventoryFiles, AdjacentVars playbookFiles) {
        this.inventory = inventory;
        this.inventoryFiles = inventoryFiles;
        this.playbookFiles = playbookFiles;
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
        List<String> all = List.of(InventoryBuilder.ALL);
        List<String> groups = groupsOf(host);
        Map<String, Var> vars = new LinkedHashMap<>(inventory.groups().get(InventoryBuilder.ALL).vars);
        for (String group : groups) {
            vars.putAll(inventory.groups().get(group).vars);
        }
        vars.putAll(inventoryFiles.groups(all));
        vars.putAll(playbookFiles.groups(all));
        vars.putAll(inventoryFiles.groups(groups));
        vars.putAll(playbookFiles.groups(groups));
        vars.putAll(host.vars);
        vars.putAll(inventoryFiles.host(host.name));
        vars.putAll(playbookFiles.host(host.name));
        return vars;
    }
}
