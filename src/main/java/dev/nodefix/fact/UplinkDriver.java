package dev.nodefix.fact;

import java.util.Optional;

/** The NIC under the overlay (default route's device, else flannel.1's) and its {@code ethtool -i} driver. */
public record UplinkDriver(Optional<String> device, Optional<String> driver) {
    public static final Fact<UplinkDriver> FACT = Fact.of("uplink-driver", UplinkDriver::parse);

    static UplinkDriver parse(Section section) {
        return new UplinkDriver(value(section, "uplink:"), section.succeeded() ? value(section, "driver:") : Optional.empty());
    }

    private static Optional<String> value(Section section, String key) {
        return section.lines().stream().map(String::strip).filter(l -> l.startsWith(key))
                .map(l -> l.substring(key.length()).strip()).filter(v -> !v.isEmpty()).findFirst();
    }
}
