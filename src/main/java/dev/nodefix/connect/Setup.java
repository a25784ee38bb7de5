package dev.nodefix.connect;

import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.InventoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operator's setup as nodefix reads it: the inventory sources read, the inventory with every host's connection
 * merged from all sources, each host's {@link EffectiveConnection} on request (for {@code inventory --explain}),
 * notices to print once on stderr (a skipped ansible.cfg, host_key_checking = False), and ansible.cfg's forks
 * when it sets them.
 */
public record Setup(List<Path> sources, Inventory inventory, Function<String, EffectiveConnection> explain,
        List<String> notices, Optional<Integer> forks) {
    public Setup {
        sources = List.copyOf(sources);
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(explain, "explain");
        notices = List.copyOf(notices);
        Objects.requireNonNull(forks, "forks");
    }

    /** Every connection setting of one inventory host with where it came from. */
    public EffectiveConnection connection(String host) {
        if (inventory.host(host).isEmpty()) {
            throw new InventoryException("no host '" + host + "' in " + inventory.source());
        }
        return explain.apply(host);
    }
}
