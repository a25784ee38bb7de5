package dev.nodefix.query;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A systemd unit as {@code systemctl show} reports it.
 *
 * @param enablement UnitFileState: enabled, disabled, static, masked, ... ("" when the unit is not found)
 * @param active     ActiveState: active, inactive, failed, activating, ...
 */
public record UnitState(String unit, boolean exists, String enablement, String active) {
    public UnitState {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(enablement, "enablement");
        Objects.requireNonNull(active, "active");
    }

    static UnitState parse(String unit, String output) {
        Map<String, String> props = new HashMap<>();
        output.lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0) {
                props.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        });
        boolean exists = "loaded".equals(props.get("LoadState"));
        return new UnitState(unit, exists, props.getOrDefault("UnitFileState", ""),
                props.getOrDefault("ActiveState", "inactive"));
    }

    public boolean enabled() {
        return "enabled".equals(enablement);
    }

    public boolean isActive() {
        return "active".equals(active);
    }
}
