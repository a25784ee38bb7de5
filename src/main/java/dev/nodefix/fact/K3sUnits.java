package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ExecStart} in force of each k3s systemd unit found ({@code k3s.service}, {@code k3s-agent.service}),
 * its drop-ins applied as systemd applies them ({@link SystemdUnit}).
 *
 * @param units    the units that were read (also when another could not be)
 * @param complete every unit on the node was read: false when the collector named one {@code # unreadable:} or the
 *                 section failed or is missing; then a setting no unit here shows may still be on the node
 */
public record K3sUnits(List<Unit> units, boolean complete) {
    public enum Role { SERVER, AGENT, UNKNOWN }

    /**
     * @param file           the file the {@code ExecStart=} in force is in (a drop-in when one overrides the unit's)
     * @param flannelBackend the {@code --flannel-backend} value on the command line, if any
     */
    public record Unit(String file, Role role, String execStart, Optional<String> flannelBackend) {}

    private static final Pattern BACKEND = Pattern.compile("--flannel-backend(?:=|\\s+)['\"]?([A-Za-z0-9-]+)");

    public static final Fact<K3sUnits> FACT = Fact.of("k3s-units", K3sUnits::parse);

    public K3sUnits {
        units = List.copyOf(units);
    }

    static K3sUnits parse(Section section) {
        List<Unit> units = new ArrayList<>();
        boolean settled = true;
        for (SystemdUnit unit : SystemdUnit.parse(section)) {
            if (unit.execStart().isEmpty()) {
                settled = false; // a unit whose ExecStart cannot be told: not read whole
                continue;
            }
            String file = unit.execStart().get().get(0).place().file();
            String line = unit.execStartText().orElse("");
            List<String> words = List.of(line.split(" "));
            Role role = words.contains("server") ? Role.SERVER : words.contains("agent") ? Role.AGENT : Role.UNKNOWN;
            Matcher m = BACKEND.matcher(line);
            units.add(new Unit(file, role, line, m.find() ? Optional.of(m.group(1)) : Optional.empty()));
        }
        return new K3sUnits(units, section.readWhole() && settled);
    }

    public Role role() {
        return units.stream().map(Unit::role).filter(r -> r != Role.UNKNOWN).findFirst().orElse(Role.UNKNOWN);
    }
}
