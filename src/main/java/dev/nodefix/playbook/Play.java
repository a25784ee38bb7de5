package dev.nodefix.playbook;

import dev.nodefix.inventory.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One play.
 *
 * @param name as written, or the host pattern when none was given
 * @param hosts an inventory host pattern (as for {@code --limit})
 * @param vars plain values (text, numbers, switches, lists, mappings) in file order
 * @param maxFailPercentage 0 to 100: stop before the next batch when more than this share of a batch failed
 * @param become the default for tasks without their own {@code become}; empty: not said
 */
public record Play(String name, String hosts, Map<String, Object> vars, Serial serial, Order order,
                   Optional<Integer> maxFailPercentage, boolean anyErrorsFatal, boolean gatherFacts,
                   Optional<Boolean> become, List<PlayTask> tasks, List<PlayTask> handlers, Location location) {
    public Play {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hosts, "hosts");
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(maxFailPercentage, "maxFailPercentage");
        maxFailPercentage.filter(p -> p < 0 || p > 100).ifPresent(p -> {
            throw new IllegalArgumentException("max_fail_percentage from 0 to 100, got " + p);
        });
        Objects.requireNonNull(become, "become");
        tasks = List.copyOf(tasks);
        handlers = List.copyOf(handlers);
        Objects.requireNonNull(location, "location");
    }
}
