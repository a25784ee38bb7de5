package dev.nodefix.cli;

import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.InventoryParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code -i/--inventory} and {@code -l/--limit}, shared by every command that reads an inventory. */
public final class InventoryOptions {
    static final String DEFAULT_INVENTORY = "inventory/hosts.yaml";

    @Option(names = {"-i", "--inventory"}, paramLabel = "SOURCE",
            description = "Ansible inventory: a YAML or INI file or a directory; repeat to merge several"
                    + " (default: $NODEFIX_INVENTORY, else " + DEFAULT_INVENTORY + ").")
    List<Path> inventory;

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN",
            description = "Hosts to act on: names, groups, globs, ~regex, a:b (or), a:&b (and), a:!b (not).")
    String limit;

    /** The sources in the order given, else the default one. */
    public List<Path> inventorySources(Map<String, String> env) {
        if (inventory != null && !inventory.isEmpty()) {
            return inventory;
        }
        String fromEnv = env.get("NODEFIX_INVENTORY");
        return List.of(Path.of(fromEnv == null || fromEnv.isBlank() ? DEFAULT_INVENTORY : fromEnv));
    }

    /** The first source (for callers that name one inventory). */
    public Path inventoryFile(Map<String, String> env) {
        return inventorySources(env).get(0);
    }

    public Inventory load(Map<String, String> env) {
        return new InventoryParser().parse(inventorySources(env));
    }

    /** The hosts selected by --limit (all when absent); a pattern that selects nothing is an error. */
    public List<Host> select(Inventory inventory) {
        return inventory.select(limit == null ? "all" : limit);
    }

    /** What to append to a suggested command so it reads the same inventory: {@code " -i SOURCE"}s or nothing. */
    public String hint() {
        StringBuilder hint = new StringBuilder();
        if (inventory != null) {
            inventory.forEach(source -> hint.append(" -i ").append(dev.nodefix.transport.Command.quote(source.toString())));
        }
        return hint.toString();
    }
}
