package dev.nodefix.fact;

import java.util.List;
import java.util.Optional;

/**
 * Whether a connection inside the cluster is shown stalling about 63 s and then going through: the kernel's SYN
 * backoff (1+2+4+8+16+32 s) reaching its 6th try, which is what VXLAN packets dropped for a bad UDP checksum look
 * like from the client until one gets through. Read from the {@code connect-timing} section (pasted
 * {@code time curl|wget|nc} outputs; the collector never times requests) and from the SYN retransmissions of a
 * pasted capture in the {@code tcpdump} section. It shows the pattern, not the checksums.
 *
 * @param stall63 YES when a request to a ClusterIP, pod or other in-cluster address took 62-66 s and succeeded, or
 *                a capture shows the SYN retransmission signature; NO when such a request is shown succeeding in
 *                under a second (and none stalled); CANNOT_TELL otherwise (a failed request, another duration, a
 *                target outside the cluster, nothing pasted)
 * @param target  where the deciding request went
 * @param via     what shows it: {@code time} or {@code tcpdump}
 * @param lines   the lines that show it, as pasted
 */
public record ConnectTiming(Observed stall63, Optional<String> target, Optional<String> via, List<String> lines) {
    public static final String SECTION = "connect-timing";
    private static final double STALL_FROM = 62;
    private static final double STALL_TO = 66;
    private static final double FAST = 1;

    public ConnectTiming {
        lines = List.copyOf(lines);
    }

    /** A stall shown either way wins; else what the timed requests show. */
    public static ConnectTiming from(CollectorOutput out) {
        ConnectTiming timed = timed(out);
        ConnectTiming captured = captured(out);
        return timed.stall63() != Observed.YES && captured.stall63() == Observed.YES ? captured : timed;
    }

    /** What the timed requests of the {@code connect-timing} section show, alone. */
    public static ConnectTiming timed(CollectorOutput out) {
        List<TimedRequest> requests = TimedRequest.parse(lines(out.section(SECTION)));
        Optional<TimedRequest> stalled = requests.stream().filter(r -> shows(r, STALL_FROM, STALL_TO)).findFirst();
        Optional<TimedRequest> fast = requests.stream().filter(r -> shows(r, 0, FAST - 0.001)).findFirst();
        return stalled.map(r -> of(Observed.YES, r.target().get(), "time", r.lines()))
                .or(() -> fast.map(r -> of(Observed.NO, r.target().get(), "time", r.lines())))
                .orElseGet(ConnectTiming::cannotTell);
    }

    /** What the SYNs of a capture in the {@code tcpdump} section show, alone: the signature, or cannot tell. */
    public static ConnectTiming captured(CollectorOutput out) {
        return SynRetransmits.find(lines(out.section(TcpdumpChecksum.SECTION))).filter(s -> s.target().inCluster())
                .map(s -> of(Observed.YES, s.target(), "tcpdump", s.lines())).orElseGet(ConnectTiming::cannotTell);
    }

    private static ConnectTiming cannotTell() {
        return new ConnectTiming(Observed.CANNOT_TELL, Optional.empty(), Optional.empty(), List.of());
    }

    /** A request inside the cluster that succeeded after {@code from} to {@code to} seconds. */
    private static boolean shows(TimedRequest r, double from, double to) {
        return r.outcome() == TimedRequest.Outcome.SUCCEEDED && r.target().filter(RequestTarget::inCluster).isPresent()
                && r.seconds().filter(s -> s >= from && s <= to).isPresent();
    }

    private static ConnectTiming of(Observed stall, RequestTarget target, String via, List<String> lines) {
        return new ConnectTiming(stall, Optional.of(target.toString()), Optional.of(via), lines);
    }

    private static List<String> lines(Section section) {
        return section.status() == Section.Status.RAN ? section.lines() : List.of();
    }
}
