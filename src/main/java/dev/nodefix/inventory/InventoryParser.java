package dev.nodefix.inventory;

import java.nio.file.Path;
import java.util.Objects;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads an Ansible YAML inventory into an {@link Inventory} that means what {@code ansible-inventory}
 * makes of the same file: YAML 1.1 scalars, groups/hosts/vars/children at any depth, host ranges,
 * "all"/"ungrouped" rules, Ansible's variable precedence. Every problem is an {@link InventoryException}
 * located at {@code file:line:col}.
 */
public final class InventoryParser {
    private final Path home;

    /** A parser that expands {@code ~} in key and known-hosts paths to the user's home directory. */
    public InventoryParser() {
        this(Path.of(System.getProperty("user.home")));
    }

    /** A parser that expands {@code ~} to {@code home}. */
    public InventoryParser(Path home) {
        this.home = Objects.requireNonNull(home, "home");
    }

    public Inventory parse(Path file) {
        String label = file.toString();
        Node root = YamlDocument.compose(file, label)
                .orElseThrow(() -> new InventoryException(new Location(label, 1, 1), "the inventory is empty"));
        InventoryBuilder builder = new InventoryBuilder();
        new InventoryReader(new YamlNodes(label), builder).read(root);
        builder.reconcile();
        return new InventoryAssembler(new ConnectionResolver(home)).assemble(label, builder);
    }
}
