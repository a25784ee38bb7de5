package dev.nodefix.connect;

import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Location;
import java.util.Optional;

/** Where the inventory set one of a host's variables (inventory file, group_vars or host_vars line). */
@FunctionalInterface
public interface VarOrigins {
    Optional<Location> of(Host host, String variable);
}
