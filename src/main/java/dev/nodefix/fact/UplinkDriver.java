package dev.nodefix.fact;

import java.util.Optional;

/**
 * The NIC under the overlay (default route's device, else flannel.1's) and its driver: {@code driver: vmxnet3}
 * from {@code ethtool -i}, or {@code DRIVER=vmxnet3} from the device's sysfs {@code uevent} (what the collector
 * reads for a NIC with a bus device; virtual NICs such as veth have none and are asked with ethtool).
 */
public record UplinkDriver(Optional<String> device, Optional<String> driver) {
    public static final Fact<UplinkDriver> FACT = Fact.of("uplink-driver", UplinkDriver::parse);

    static UplinkDriver parse(Section section) {
        Optional<String> driver = value(section, "driver:").or(() -> value(section, "DRIVER="));
        return new UplinkDriver(value(section, "uplink:"), section.succeeded() ? driver : Optional.empty());
    }

    private static Optional<String> value(Section section, String key) {
        return section.lines().stream().map(String::strip).filter(l -> l.startsWith(key))
                .map(l -> l.substring(key.length()).strip()).filter(v -> !v.isEmpty()).findFirst();
    }
}
