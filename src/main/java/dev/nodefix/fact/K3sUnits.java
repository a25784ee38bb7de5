package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ExecStart} of each k3s systemd unit found ({@code k3s.service}, {@code k3s-agent.service}).
 *
 * @param units    the units that were read (also when another could not be)
 * @param complete every unit on the node was read: false when the collector named one {@code # unreadable:} or the
 *                 section failed or is missing; then a setting no unit here shows may still be on the node
 */
public record K3sUnits(List<Unit> units, boolean complete) {
    public enum Role { SERVER, AGENT, UNKNOWN }

    /** @param flannelBackend the {@code --flannel-backend} value on the command line, if any */
    public record Unit(String file, Role role, String execStart, Optional<String> flannelBackend) {}

    private static final Pattern BACKEND = Pattern.compile("--flannel-backend(?:=|\\s+)['\"]?([A-Za-z0-9-]+)");
    private static final String FILE = "# file: ";

    public static final Fact<K3sUnits> FACT = Fact.of("k3s-units", K3sUnits::parse);

    public K3sUnits {
        units = List.copyOf(units);
    }

    static K3sUnits parse(Section section) {
        List<Unit> units = new ArrayList<>();
        String file = null;
        StringBuilder exec = new StringBuilder();
        for (String line : section.status() == Section.Status.RAN ? section.lines() : List.<String>of()) {
            if (line.startsWith(Section.UNREADABLE)) {
                continue;
            }
            if (line.startsWith(FILE)) {
                addUnit(units, file, exec);
                file = line.substring(FILE.length()).strip();
                exec.setLength(0);
            } else if (file != null) {
                exec.append(' ').append(line.strip().replaceAll("\\\\$", ""));
            }
        }
        addUnit(units, file, exec);
        return new K3sUnits(units, section.readWhole());
    }

    private static void addUnit(List<Unit> units, String file, StringBuilder exec) {
        if (file == null) {
            return;
        }
        String line = exec.toString().replaceFirst("^\\s*ExecStart=", "").replaceAll("\\s+", " ").strip();
        List<String> words = List.of(line.split(" "));
        Role role = words.contains("server") ? Role.SERVER : words.contains("agent") ? Role.AGENT : Role.UNKNOWN;
        Matcher m = BACKEND.matcher(line);
        units.add(new Unit(file, role, line, m.find() ? Optional.of(m.group(1)) : Optional.empty()));
    }

    public Role role() {
        return units.stream().map(Unit::role).filter(r -> r != Role.UNKNOWN).findFirst().orElse(Role.UNKNOWN);
    }
}
