package dev.nodefix.journal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which inventory a run used, as {@code run.json} keeps it: the inventory sources as nodefix resolved them
 * (absolute paths of {@code -i}, {@code $NODEFIX_INVENTORY}, Ansible's inventory setting or the default) and the
 * {@code --limit} pattern, if one was given.
 */
public record InventoryUsed(List<String> sources, Optional<String> limit) {
    public InventoryUsed {
        sources = List.copyOf(sources);
        Objects.requireNonNull(limit, "limit");
    }

    /** One line: {@code a.yaml, b.ini (limit web*)}. */
    public String describe() {
        return (sources.isEmpty() ? "(no inventory source)" : String.join(", ", sources))
                + limit.map(l -> " (limit " + l + ")").orElse("");
    }
}
