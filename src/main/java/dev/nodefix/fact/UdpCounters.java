package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every reading of the Udp counters in the {@code udp-snmp} section, in the order printed: the collector prints one
 * (and {@code # boot: ID}, the kernel's boot id, so a later reading can tell the counters were not reset between);
 * pasted evidence may hold two (before and after) from one host.
 *
 * @param readings each header/values pair of {@code Udp:} lines, counter name to value
 * @param boot     the boot id printed with the reading, empty when not shown
 */
public record UdpCounters(List<Map<String, Long>> readings, Optional<String> boot) {
    public static final Fact<UdpCounters> FACT = Fact.of("udp-snmp", UdpCounters::parse);
    public static final String IN_CSUM_ERRORS = "InCsumErrors";
    private static final String BOOT = "# boot: ";

    public UdpCounters {
        readings = readings.stream().map(Map::copyOf).toList();
    }

    static UdpCounters parse(Section section) {
        List<Map<String, Long>> readings = new ArrayList<>();
        Optional<String> boot = Optional.empty();
        String[] names = null;
        for (String line : section.status() == Section.Status.RAN ? section.lines() : List.<String>of()) {
            String l = line.strip();
            if (l.startsWith(BOOT) && boot.isEmpty()) {
                boot = Optional.of(l.substring(BOOT.length()).strip()).filter(b -> !b.isEmpty());
            } else if (l.startsWith("Udp:") && l.substring(4).strip().matches("[A-Za-z].*")) {
                names = l.substring(4).strip().split("\\s+");
            } else if (l.startsWith("Udp:") && names != null) {
                values(names, l.substring(4).strip().split("\\s+")).ifPresent(readings::add);
                names = null;
            }
        }
        return new UdpCounters(readings, boot);
    }

    private static Optional<Map<String, Long>> values(String[] names, String[] values) {
        Map<String, Long> reading = new LinkedHashMap<>();
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (values[i].matches("\\d{1,18}")) {
                reading.put(names[i], Long.parseLong(values[i]));
            }
        }
        return reading.isEmpty() ? Optional.empty() : Optional.of(reading);
    }

    /** The latest {@code InCsumErrors} shown: the highest of the readings (the counter only grows until a reboot). */
    public Optional<Long> latestInCsumErrors() {
        return readings.stream().map(r -> r.get(IN_CSUM_ERRORS)).filter(java.util.Objects::nonNull)
                .max(Long::compare);
    }
}
