package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 63 s signature in a capture: one SYN (same addresses, same source port) sent at +0 and again at about +1, +3,
 * +7, +15 and +31 s (the kernel's 1, 2, 4, 8, 16 s backoff) and answered by a SYN-ACK at 62-66 s, on its 6th try.
 * A packet printed without its own time (the address line under {@code -v}'s header, an encapsulated packet under an
 * {@code OTV} header) takes the time of the line before it; a port tcpdump names ({@code http}) is kept out of the
 * target.
 *
 * @param target the SYN's destination
 * @param lines  the SYNs and the SYN-ACK as printed
 */
public record SynRetransmits(RequestTarget target, List<String> lines) {
    private static final double[] RETRIES = {1, 3, 7, 15, 31};
    private static final double SLACK = 0.5;
    private static final Pattern TIME = Pattern.compile("\\s*(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)\\s.*");
    private static final Pattern SEGMENT = Pattern.compile(
            "^\\s*(?:\\S+\\s+){0,3}?(?:IP6? )?(\\S+)\\.([\\w-]+) > (\\S+)\\.([\\w-]+): Flags \\[(S|S\\.)]");

    private record Seen(double at, String line) {}

    public SynRetransmits {
        lines = List.copyOf(lines);
    }

    /** The first SYN in {@code lines} that shows the whole signature, if any. */
    static Optional<SynRetransmits> find(List<String> lines) {
        Map<String, List<Seen>> syns = new LinkedHashMap<>();
        Map<String, List<Seen>> synAcks = new LinkedHashMap<>();
        double at = Double.NaN;
        for (String line : lines) {
            Matcher t = TIME.matcher(line);
            at = t.matches() ? seconds(t) : at;
            Matcher s = SEGMENT.matcher(line);
            if (s.find() && !Double.isNaN(at)) {
                boolean syn = s.group(5).equals("S");
                String flow = syn ? s.group(1) + "." + s.group(2) + ">" + s.group(3) + "." + s.group(4)
                        : s.group(3) + "." + s.group(4) + ">" + s.group(1) + "." + s.group(2);
                (syn ? syns : synAcks).computeIfAbsent(flow, k -> new ArrayList<>()).add(new Seen(at, line.strip()));
            }
        }
        return syns.entrySet().stream().map(e -> signature(e.getKey(), e.getValue(), synAcks.get(e.getKey())))
                .flatMap(Optional::stream).findFirst();
    }

    private static Optional<SynRetransmits> signature(String flow, List<Seen> syns, List<Seen> synAcks) {
        double start = syns.get(0).at();
        for (double retry : RETRIES) {
            if (syns.stream().noneMatch(s -> Math.abs(since(start, s.at()) - retry) <= SLACK)) {
                return Optional.empty();
            }
        }
        Optional<Seen> answer = Optional.ofNullable(synAcks).flatMap(a -> a.stream()
                .filter(s -> since(start, s.at()) >= 62 && since(start, s.at()) <= 66).findFirst());
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        List<String> quoted = new ArrayList<>(syns.stream().map(Seen::line).toList());
        quoted.add(answer.get().line());
        String to = flow.substring(flow.indexOf('>') + 1);
        int dot = to.lastIndexOf('.');
        String port = to.substring(dot + 1);
        return Optional.of(new SynRetransmits(new RequestTarget(to.substring(0, dot),
                Optional.of(port).filter(p -> p.matches("\\d{1,5}")).map(Integer::parseInt)), quoted));
    }

    private static double seconds(Matcher t) {
        return Integer.parseInt(t.group(1)) * 3600 + Integer.parseInt(t.group(2)) * 60 + Double.parseDouble(t.group(3));
    }

    /** Seconds from {@code start} to {@code at}, over midnight too. */
    private static double since(double start, double at) {
        return at >= start ? at - start : at + 86400 - start;
    }
}
