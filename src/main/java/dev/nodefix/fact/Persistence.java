package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;

/**
 * Installed persistence of the offload workaround: udev rules and systemd units with "flannel" in their name, and
 * whether one of them runs {@code ethtool -K flannel.1 tx-checksum-ip-generic off}.
 *
 * @param source the files and their ethtool lines; complete when the collector listed the places, unreadable
 *               when a file could not be read or text comes before any file's name (not the collector's
 *               listing) or the section ended with a non-zero rc, not collected when the section is not in the
 *               output; the files that were read still count
 */
public record Persistence(List<String> udevRules, List<String> systemdUnits, boolean disablesTxChecksum,
        Provenance source) {
    /** The command that lists the places and their ethtool lines, as an operator would run it. */
    public static final String COMMAND = "grep -H ethtool /etc/udev/rules.d/*flannel* /lib/udev/rules.d/*flannel*"
            + " /etc/systemd/system/*flannel*offload* /etc/systemd/system/*tx-checksum*";
    private static final String FILE = "# file: ";
    private static final java.util.regex.Pattern CANNOT_READ = java.util.regex.Pattern.compile(
            "(?i).*(permission denied|can't open|cannot open|no such file).*");

    public static final Fact<Persistence> FACT = Fact.of("persistence", Persistence::parse);

    public Persistence {
        udevRules = List.copyOf(udevRules);
        systemdUnits = List.copyOf(systemdUnits);
    }

    static Persistence parse(Section section) {
        List<String> udev = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        boolean disables = false;
        boolean unreadable = false;
        for (String line : section.status() == Section.Status.RAN ? section.lines() : List.<String>of()) {
            if (line.startsWith(Section.UNREADABLE)) {
                unreadable = true;
                quoted.add(line.strip());
            } else if (line.startsWith(FILE)) {
                String file = line.substring(FILE.length()).strip();
                (file.contains("/udev/") ? udev : units).add(file);
                quoted.add(file);
            } else if (line.matches(".*ethtool\\s+(-K|--offload|--features)\\s+flannel\\.1\\s.*tx-checksum-ip-generic\\s+off.*")) {
                disables = true;
                quoted.add(line.strip());
            } else if (CANNOT_READ.matcher(line).matches() || !line.isBlank() && quoted.isEmpty()) {
                unreadable = true;
                quoted.add(line.strip());
            }
        }
        return new Persistence(udev, units, disables, Provenance.host(COMMAND, section, extent(section, unreadable),
                quoted.stream().limit(QUOTED).toList()));
    }

    private static final int QUOTED = 6;

    private static Provenance.Extent extent(Section section, boolean unreadable) {
        if (section.status() != Section.Status.RAN) {
            return Provenance.notRun(section);
        }
        return section.succeeded() && !unreadable ? Provenance.Extent.COMPLETE : Provenance.Extent.UNREADABLE;
    }

    /**
     * Whether the offload is kept off: yes when a rule or unit runs the ethtool change; no when every place was
     * listed and none does; cannot tell when the places were not listed or a file could not be read.
     */
    public Observed persisted() {
        return disablesTxChecksum ? Observed.YES : source.complete() ? Observed.NO : Observed.CANNOT_TELL;
    }

    public boolean installed() {
        return disablesTxChecksum;
    }
}
