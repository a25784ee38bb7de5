package dev.nodefix.inventory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed inventory: every group (including "all" and "ungrouped") and every host, both in the order
 * Ansible would list them.
 *
 * @param source the sources it came from, as the user named them, joined with ", " (for messages)
 */
public record Inventory(String source, Map<String, Group> groups, Map<String, Host> hosts) {
    public Inventory {
        Objects.requireNonNull(source, "source");
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    }

    public Optional<Host> host(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    /** Hosts matched by an Ansible-style pattern; an empty or blank pattern means "all". */
    public List<Host> select(String pattern) {
        return HostPattern.parse(pattern).select(this);
    }
}
