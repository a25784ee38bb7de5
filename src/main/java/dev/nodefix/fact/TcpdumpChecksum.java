package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tcpdump -v} lines with {@code [bad udp cksum ...]} on the node's VXLAN port (decoded as VXLAN, or as OTV
 * for 8472), from a pasted capture in the {@code tcpdump} section (the collector never runs tcpdump). A bad
 * checksum on a packet the capturing host itself sends is normal with checksum offload (the NIC fills it in
 * later): only one on a packet it receives is the symptom. The side is the node's own addresses or host names
 * (flannel.1's {@code local}, the node IP, the host name, the shell prompt's host) or tcpdump's {@code In}/{@code Out}.
 *
 * @param badChecksum YES when any packet to the VXLAN port shows a bad UDP checksum; CANNOT_TELL when the capture
 *                    prints no checksum verdicts at all (no {@code -v})
 * @param symptom     YES when such a packet was received; NO when no packet to the port is bad; else CANNOT_TELL
 * @param received    the bad packets' lines the capturing host received
 * @param sent        the bad packets' lines the capturing host sent (a look-alike)
 * @param sideUnknown the bad packets' lines whose side the text does not settle
 * @param decodedAs   how tcpdump decoded the first packet to the port ({@code VXLAN}, {@code OTV}, ...)
 */
public record TcpdumpChecksum(Observed badChecksum, Observed symptom, VxlanPorts ports, List<String> received,
        List<String> sent, List<String> sideUnknown, Optional<String> decodedAs) {
    public static final String SECTION = "tcpdump";
    private static final Pattern PACKET = Pattern.compile(
            "(?:^|\\s)(\\S+)\\.([A-Za-z0-9-]+) > (\\S+?)\\.([A-Za-z0-9-]+): (.*)");
    private static final Pattern DIRECTION = Pattern.compile("\\s(In|Out)\\s+IP6? ");
    private static final Pattern PROMPT = Pattern.compile(
            "^\\[?[A-Za-z0-9_.-]+@([A-Za-z0-9_.-]+)[\\s:\\]].*?[#$]\\s.*");
    private static final Pattern DECODED = Pattern.compile("(?:\\[[^]]*]\\s*)?([A-Za-z][A-Za-z0-9]*)\\b.*");

    private enum Side { RECEIVED, SENT, UNKNOWN }

    public TcpdumpChecksum {
        received = List.copyOf(received);
        sent = List.copyOf(sent);
        sideUnknown = List.copyOf(sideUnknown);
    }

    /** The pasted capture read against flannel.1's port and the node's own addresses and host name. */
    public static TcpdumpChecksum from(CollectorOutput out) {
        VxlanDevice device = VxlanDevice.FACT.from(out);
        Set<String> own = new LinkedHashSet<>();
        device.local().ifPresent(own::add);
        Optional.of(PeerRoutes.FACT.from(out).nodeIp()).filter(ip -> !ip.isEmpty()).ifPresent(own::add);
        Hostname.FACT.from(out).name().ifPresent(own::add);
        return parse(out.section(SECTION), VxlanPorts.of(device), own);
    }

    static TcpdumpChecksum parse(Section section, VxlanPorts ports, Set<String> ownNames) {
        List<String> lines = section.status() == Section.Status.RAN ? section.lines() : List.of();
        Set<String> own = new LinkedHashSet<>(ownNames);
        lines.forEach(l -> prompt(l).ifPresent(own::add));
        List<List<String>> bySide = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Optional<String> decodedAs = Optional.empty();
        Optional<Side> pending = Optional.empty();
        for (String line : lines) {
            Optional<Side> direction = direction(line);
            Optional<Side> shown = direction.isPresent() ? direction : pending;
            Matcher p = PACKET.matcher(line);
            if (p.find() && port(p.group(4)).filter(ports::matches).isPresent()) {
                decodedAs = decodedAs.or(() -> decoded(p.group(5)));
                if (p.group(5).contains("bad udp cksum")) {
                    Side side = shown.orElseGet(() -> side(p.group(1), p.group(3), own));
                    bySide.get(side.ordinal()).add(line.strip());
                }
            }
            pending = p.find(0) ? Optional.empty() : direction;
        }
        boolean verdicts = lines.stream().anyMatch(l -> l.contains("cksum") || l.contains("sum ok"));
        return of(verdicts, ports, bySide, decodedAs);
    }

    private static TcpdumpChecksum of(boolean verdicts, VxlanPorts ports, List<List<String>> bySide,
            Optional<String> decodedAs) {
        boolean bad = bySide.stream().anyMatch(l -> !l.isEmpty());
        Observed badChecksum = bad ? Observed.YES : verdicts ? Observed.NO : Observed.CANNOT_TELL;
        Observed symptom = !bySide.get(Side.RECEIVED.ordinal()).isEmpty() ? Observed.YES
                : badChecksum == Observed.NO ? Observed.NO : Observed.CANNOT_TELL;
        return new TcpdumpChecksum(badChecksum, symptom, ports, bySide.get(0), bySide.get(1), bySide.get(2), decodedAs);
    }

    private static Side side(String source, String destination, Set<String> own) {
        if (own.stream().anyMatch(o -> same(source, o))) {
            return Side.SENT;
        }
        return own.stream().anyMatch(o -> same(destination, o)) ? Side.RECEIVED : Side.UNKNOWN;
    }

    /** The same address, or host names whose first labels agree: {@code n1.example.com} and {@code n1}. */
    private static boolean same(String address, String own) {
        if (address.equalsIgnoreCase(own)) {
            return true;
        }
        boolean names = !address.matches("[0-9.:a-fA-F]+") && !own.matches("[0-9.:a-fA-F]+");
        return names && label(address).equalsIgnoreCase(label(own));
    }

    private static String label(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** A port as tcpdump prints it: a number, or the service name of a VXLAN port. */
    private static Optional<Integer> port(String printed) {
        return switch (printed.toLowerCase(Locale.ROOT)) {
            case "otv" -> Optional.of(8472);
            case "vxlan" -> Optional.of(4789);
            default -> printed.matches("\\d{1,5}") ? Optional.of(Integer.parseInt(printed)) : Optional.empty();
        };
    }

    private static Optional<Side> direction(String line) {
        Matcher m = DIRECTION.matcher(line);
        return m.find() ? Optional.of(m.group(1).equals("In") ? Side.RECEIVED : Side.SENT) : Optional.empty();
    }

    private static Optional<String> prompt(String line) {
        Matcher m = PROMPT.matcher(line);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> decoded(String rest) {
        Matcher m = DECODED.matcher(rest);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
