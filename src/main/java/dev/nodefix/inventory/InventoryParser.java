package dev.nodefix.inventory;

import java.nio.file.Path;

/** Reads an Ansible YAML inventory. Placeholder. */
public final class InventoryParser {
    public Inventory parse(Path file) {
        throw new InventoryException("not implemented");
    }
}
