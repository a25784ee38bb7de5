package dev.nodefix.report;

import dev.nodefix.inventory.DidYouMean;
import dev.nodefix.inventory.Group;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.InventoryException;

/**
 * {@code nodefix inventory --graph [GROUP]}: the text {@code ansible-inventory --graph} prints, a group,
 * its child groups (recursively, each time they appear) and then its own hosts:
 * <pre>
 * &#64;all:
 *   |--&#64;ungrouped:
 *   |--&#64;k3s_cluster:
 *   |  |--&#64;server:
 *   |  |  |--srv1
 * </pre>
 */
public final class InventoryGraph {
    /** The graph from {@code group} ("all" when null or blank), ending with a newline. */
    public String render(Inventory inventory, String group) {
        String start = group == null || group.isBlank() ? "all" : group;
        if (!inventory.groups().containsKey(start)) {
            throw new InventoryException("--graph needs a group name; '" + start + "' is not a group in "
                    + inventory.source() + DidYouMean.hint(start, inventory.groups().keySet()));
        }
        StringBuilder out = new StringBuilder();
        graph(inventory, inventory.groups().get(start), 0, out);
        return out.toString();
    }

    private static void graph(Inventory inventory, Group group, int depth, StringBuilder out) {
        line(out, "@" + group.name() + ":", depth);
        for (String child : group.children()) {
            graph(inventory, inventory.groups().get(child), depth + 1, out);
        }
        if (!group.name().equals("all")) {
            group.hosts().forEach(host -> line(out, host, depth + 1));
        }
    }

    private static void line(StringBuilder out, String name, int depth) {
        out.append(depth == 0 ? name : "  |".repeat(depth) + "--" + name).append('\n');
    }
}
