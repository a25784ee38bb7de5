package dev.nodefix.inventory;

import java.util.List;

/** Placeholder until the pattern engine lands: selects everything. */
public final class HostPattern {
    private HostPattern() {}

    public static HostPattern parse(String pattern) {
        return new HostPattern();
    }

    public List<Host> select(Inventory inventory) {
        return List.copyOf(inventory.hosts().values());
    }
}
