package dev.nodefix.shell;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Group;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text of {@code list} (hosts: name, address and port, user, role, groups: the connection the commands use) and
 * {@code list groups} (group, hosts, children).
 */
final class HostListing {
    private HostListing() {}

    static String hosts(List<Host> hosts) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("HOST", "ADDRESS", "USER", "ROLE", "GROUPS"));
        for (Host h : hosts) {
            Connection c = h.connection();
            String address = c.address() + (c.port() == Connection.DEFAULT_PORT ? "" : ":" + c.port());
            rows.add(List.of(h.name(), address, c.user().orElse("-"), h.role().name().toLowerCase(Locale.ROOT),
                    h.groups().isEmpty() ? "-" : String.join(",", h.groups())));
        }
        return table(rows) + "\n" + hosts.size() + (hosts.size() == 1 ? " host" : " hosts");
    }

    static String groups(Inventory inventory) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("GROUP", "HOSTS", "CHILDREN"));
        for (Group g : inventory.groups().values()) {
            rows.add(List.of(g.name(), Integer.toString(members(inventory, g.name()).size()),
                    g.children().isEmpty() ? "-" : String.join(",", g.children())));
        }
        return table(rows);
    }

    /** Every host of a group, through its children too. */
    private static Set<String> members(Inventory inventory, String group) {
        Set<String> out = new LinkedHashSet<>();
        Group g = inventory.groups().get(group);
        if (g != null) {
            out.addAll(g.hosts());
            g.children().forEach(c -> out.addAll(members(inventory, c)));
        }
        return out;
    }

    private static String table(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        List<String> lines = new ArrayList<>();
        for (List<String> r : rows) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                s.append(i == r.size() - 1 ? r.get(i) : String.format("%-" + widths[i] + "s  ", r.get(i)));
            }
            lines.add(s.toString().stripTrailing());
        }
        return String.join("\n", lines);
    }
}
