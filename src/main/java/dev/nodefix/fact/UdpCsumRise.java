package dev.nodefix.fact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How much Udp {@code InCsumErrors} rose between two readings from one host: UDP packets the node dropped for a bad
 * checksum in that time. The counter counts since boot, so the absolute value says little of now; a rise does. It is
 * not specific to VXLAN (any UDP with a bad checksum counts). Two pasted readings are put in order by their counters
 * (they only grow until a reboot), whatever order they were pasted in: when one counter went up and another down, a
 * reboot (or another host) lies between them and the rise is {@link Observed#CANNOT_TELL}.
 *
 * @param rose        YES for a rise, NO when the counter did not move, CANNOT_TELL without two comparable readings
 * @param by          the rise (0 unless {@code rose} is YES)
 * @param overSeconds the time between the readings, when known
 * @param basis       what the readings were, readable after "Udp InCsumErrors rose by N ..."
 * @param lines       the readings as quoted ({@code InCsumErrors 4021 -> 4078})
 */
public record UdpCsumRise(Observed rose, long by, Optional<Long> overSeconds, String basis, List<String> lines) {
    public static final Fact<UdpCsumRise> FACT = Fact.of("udp-snmp", s -> between(UdpCounters.parse(s)));
    private static final String CSUM = UdpCounters.IN_CSUM_ERRORS;

    public UdpCsumRise {
        lines = List.copyOf(lines);
    }

    public static UdpCsumRise unknown(String why) {
        return new UdpCsumRise(Observed.CANNOT_TELL, 0, Optional.empty(), why, List.of());
    }

    /** The rise between the first and the last of several readings in one text (pasted before/after). */
    public static UdpCsumRise between(UdpCounters counters) {
        List<Map<String, Long>> shown = counters.readings().stream().filter(r -> r.containsKey(CSUM)).toList();
        if (shown.size() < 2) {
            return unknown("fewer than two readings");
        }
        Optional<List<Map<String, Long>>> ordered = ordered(shown.get(0), shown.get(shown.size() - 1));
        if (ordered.isEmpty()) {
            return unknown("the counters went both up and down between the readings (a reboot, or another host)");
        }
        Map<String, Long> before = ordered.get().get(0);
        Map<String, Long> after = ordered.get().get(1);
        return of(before.get(CSUM), after.get(CSUM), Optional.empty(), "between two pasted readings");
    }

    /**
     * The rise since the reading remembered from an earlier diagnose: CANNOT_TELL when the node rebooted in
     * between (another boot id, or the counter fell).
     */
    public static UdpCsumRise since(long before, Optional<String> beforeBoot, Instant beforeAt, long now,
            Optional<String> boot, Instant at) {
        if (beforeBoot.isPresent() && boot.isPresent() && !beforeBoot.equals(boot) || now < before) {
            return unknown("the node rebooted since the last diagnose (the counter restarted)");
        }
        long seconds = Math.max(0, Duration.between(beforeAt, at).getSeconds());
        return of(before, now, Optional.of(seconds), "since the last diagnose at " + beforeAt);
    }

    private static UdpCsumRise of(long before, long after, Optional<Long> seconds, String basis) {
        List<String> lines = List.of("Udp InCsumErrors " + before + " -> " + after);
        return new UdpCsumRise(after > before ? Observed.YES : Observed.NO, Math.max(0, after - before), seconds,
                basis, lines);
    }

    /** The two readings before-first: by every counter both show, which must all move the same way. */
    private static Optional<List<Map<String, Long>>> ordered(Map<String, Long> a, Map<String, Long> b) {
        List<Integer> moves = new ArrayList<>();
        a.forEach((name, value) -> {
            Long other = b.get(name);
            if (other != null && !other.equals(value)) {
                moves.add(Long.compare(other, value));
            }
        });
        if (moves.stream().distinct().count() > 1) {
            return Optional.empty();
        }
        return Optional.of(moves.isEmpty() || moves.get(0) > 0 ? List.of(a, b) : List.of(b, a));
    }

    /** {@code 3 h 12 min}, {@code 45 s}: the time between the readings as the finding says it. */
    public Optional<String> over() {
        return overSeconds.map(UdpCsumRise::duration);
    }

    static String duration(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : seconds + " s";
    }
}
