package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;

/**
 * Installed persistence of the offload workaround (DOMAIN.md §7): udev rules and systemd units with
 * "flannel" in their name, and whether one of them runs {@code ethtool -K flannel.1 tx-checksum-ip-generic off}.
 */
public record Persistence(List<String> udevRules, List<String> systemdUnits, boolean disablesTxChecksum) {
    private static final String FILE = "# file: ";

    public static final Fact<Persistence> FACT = Fact.of("persistence", Persistence::parse);

    public Persistence {
        udevRules = List.copyOf(udevRules);
        systemdUnits = List.copyOf(systemdUnits);
    }

    static Persistence parse(Section section) {
        List<String> udev = new ArrayList<>();
        List<String> units = new ArrayList<>();
        boolean disables = false;
        for (String line : section.succeeded() ? section.lines() : List.<String>of()) {
            if (line.startsWith(FILE)) {
                String file = line.substring(FILE.length()).strip();
                (file.contains("/udev/") ? udev : units).add(file);
            } else if (line.matches(".*ethtool\\s+(-K|--offload|--features)\\s+flannel\\.1\\s.*tx-checksum-ip-generic\\s+off.*")) {
                disables = true;
            }
        }
        return new Persistence(udev, units, disables);
    }

    public boolean installed() {
        return disablesTxChecksum;
    }
}
