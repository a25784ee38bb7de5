package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's {@code UDP: bad checksum. From A:PORT to B:PORT ulen N} lines on the node's VXLAN port, from the
 * collector's {@code kernel-log} section ({@code # from: dmesg} or {@code # from: journalctl -k}, then the last
 * "bad checksum" lines) or a pasted kernel log or journal (with or without timestamps and {@code kernel:}
 * prefixes). The kernel prints these lines only when network debug messages are on, so {@link Observed#NO}
 * (the log was read, no such line) is weak; an absent section is {@link Observed#CANNOT_TELL}, never "no".
 *
 * @param badChecksum YES when a line names the VXLAN port as destination
 * @param source      the tool the collector read, empty for pasted text
 * @param lines       the lines on the VXLAN port, as printed
 * @param senders     their distinct source addresses (the nodes whose packets carry the bad checksum)
 * @param otherPorts  how many bad-checksum lines name another port (not this bug's trace)
 */
public record KernelChecksumLog(Observed badChecksum, Optional<String> source, VxlanPorts ports, List<String> lines,
        List<String> senders, int otherPorts) {
    public static final String SECTION = "kernel-log";
    private static final Pattern BAD = Pattern.compile("\\bUDP(?:Lite)?(?:v6)?: bad checksum\\. "
            + "From \\[?([0-9A-Fa-f.:]+?)\\]?:(\\d{1,5}) to \\[?([0-9A-Fa-f.:]+?)\\]?:(\\d{1,5}) ulen \\d+");
    private static final Pattern FROM = Pattern.compile("# from: (.+)");

    public KernelChecksumLog {
        lines = List.copyOf(lines);
        senders = List.copyOf(senders);
    }

    /** The section read against flannel.1's port from the {@code ip} section (both well-known ports without it). */
    public static KernelChecksumLog from(CollectorOutput out) {
        return parse(out.section(SECTION), VxlanPorts.of(VxlanDevice.FACT.from(out)));
    }

    static KernelChecksumLog parse(Section section, VxlanPorts ports) {
        List<String> onPort = new ArrayList<>();
        Set<String> senders = new LinkedHashSet<>();
        int other = 0;
        Optional<String> source = Optional.empty();
        for (String line : section.status() == Section.Status.RAN ? section.lines() : List.<String>of()) {
            Matcher from = FROM.matcher(line.strip());
            Matcher bad = BAD.matcher(line);
            if (from.matches() && source.isEmpty()) {
                source = Optional.of(from.group(1).strip());
            } else if (bad.find() && ports.matches(Integer.parseInt(bad.group(4)))) {
                onPort.add(line.strip());
                senders.add(bad.group(1));
            } else if (bad.find(0)) {
                other++;
            }
        }
        return new KernelChecksumLog(observed(section, onPort), source, ports, onPort, List.copyOf(senders), other);
    }

    private static Observed observed(Section section, List<String> onPort) {
        if (!onPort.isEmpty()) {
            return Observed.YES;
        }
        return section.succeeded() ? Observed.NO : Observed.CANNOT_TELL;
    }
}
