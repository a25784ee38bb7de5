package dev.nodefix.fact;

import java.util.List;
import java.util.Optional;

/** {@code /proc/net/snmp} Udp {@code InCsumErrors}: the receiver's count of UDP packets with a bad checksum. */
public record UdpCsumErrors(Optional<Long> inCsumErrors) {
    public static final Fact<UdpCsumErrors> FACT = Fact.of("udp-snmp", UdpCsumErrors::parse);

    static UdpCsumErrors parse(Section section) {
        List<String> udp = section.lines().stream().filter(l -> l.startsWith("Udp:")).toList();
        if (!section.succeeded() || udp.size() < 2) {
            return new UdpCsumErrors(Optional.empty());
        }
        List<String> names = List.of(udp.get(0).trim().split("\\s+"));
        String[] values = udp.get(1).trim().split("\\s+");
        int i = names.indexOf("InCsumErrors");
        if (i < 0 || i >= values.length || !values[i].matches("\\d{1,19}")) {
            return new UdpCsumErrors(Optional.empty());
        }
        return new UdpCsumErrors(Optional.of(Long.parseLong(values[i])));
    }
}
