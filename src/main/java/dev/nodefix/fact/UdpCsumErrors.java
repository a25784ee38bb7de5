package dev.nodefix.fact;

import java.util.Optional;

/**
 * {@code /proc/net/snmp} Udp {@code InCsumErrors}: the receiver's count of UDP packets with a bad checksum since
 * boot; of several readings in the section (pasted before and after), the latest (the highest).
 *
 * @param boot the node's boot id printed with the reading (the collector's {@code # boot:} line), when shown: a
 *             later reading with the same id counts on from this one
 */
public record UdpCsumErrors(Optional<Long> inCsumErrors, Optional<String> boot) {
    public static final Fact<UdpCsumErrors> FACT = Fact.of("udp-snmp", UdpCsumErrors::parse);

    static UdpCsumErrors parse(Section section) {
        if (!section.succeeded()) {
            return new UdpCsumErrors(Optional.empty(), Optional.empty());
        }
        UdpCounters counters = UdpCounters.parse(section);
        return new UdpCsumErrors(counters.latestInCsumErrors(), counters.boot());
    }
}
