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

    @Option(names = {"-i", "--inventory"}, paramLabel = "FILE",
            description = "Ansible YAML inventory (default: $NODEFIX_INVENTORY, else " + DEFAULT_INVENTORY + ").")
    Path inventory;

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN",
            description = "Hosts to act on: names, groups, globs, ~regex, a:b (or), a:&b (and), a:!b (not).")
    String limit;

    public Path inventoryFile(Map<String, String> env) {
        if (inventory != null) {
            return inventory;
        }
        String fromEnv = env.get("NODEFIX_INVENTORY");
        return Path.of(fromEnv == null || fromEnv.isBlank() ? DEFAULT_INVENTORY : fromEnv);
    }

    public Inventory load(Map<String, String> env) {
        return new InventoryParser().parse(inventoryFile(env));
    }

    /** The hosts selected by --limit (all when absent); a pattern that selects nothing is an error. */
    public List<Host> select(Inventory inventory) {
        return inventory.select(limit == null ? "all" : limit);
    }

    /** What to append to a suggested command so it reads the same inventory: {@code " -i FILE"} or nothing. */
    public String hint() {
        return inventory == null ? "" : " -i " + dev.nodefix.transport.Command.quote(inventory.toString());
    }
}
