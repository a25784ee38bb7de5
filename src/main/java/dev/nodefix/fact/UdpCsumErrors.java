package dev.nodefix.fact;

import java.util.Optional;

/**
 * {@code /proc/net/snmp} Udp {@code InCsumErrors}: the receiver's count of UDP packets with a bad checksum since
 * boot; of several readings in the section (pasted before and after), the latest (the highest).
 */
public record UdpCsumErrors(Optional<Long> inCsumErrors) {
    public static final Fact<UdpCsumErrors> FACT = Fact.of("udp-snmp", UdpCsumErrors::parse);

    static UdpCsumErrors parse(Section section) {
        if (!section.succeeded()) {
            return new UdpCsumErrors(Optional.empty());
        }
        return new UdpCsumErrors(UdpCounters.parse(section).latestInCsumErrors());
    }
}
