package dev.nodefix.connect;

import dev.nodefix.inventory.Inventory;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's setup as nodefix reads it: the inventory with every host's connection merged from all sources,
 * each host's {@link EffectiveConnection} (for {@code inventory --explain}), notices to print once on stderr (a
 * skipped ansible.cfg, host_key_checking = False), and ansible.cfg's forks when it sets them.
 */
public record Setup(Inventory inventory, Map<String, EffectiveConnection> connections, List<String> notices,
        Optional<Integer> forks) {
    public Setup {
        Objects.requireNonNull(inventory, "inventory");
        connections = Map.copyOf(connections);
        notices = List.copyOf(notices);
        Objects.requireNonNull(forks, "forks");
    }
}
