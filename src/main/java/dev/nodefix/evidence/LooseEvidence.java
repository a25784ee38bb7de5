package dev.nodefix.evidence;

import dev.nodefix.fact.NodeFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One host's pasted evidence, read: every reading, and what could not be used. Its collector text holds one
 * section per form given; a section no piece gives stays out of it, so its facts read "cannot tell". Pieces of
 * the same listing kind (iptables, captures, kernel log, journal and service logs, Udp counter readings: two give
 * the counter's rise) add up; for any other section the first piece stands
 * and a later one is listed as unused rather than mixed in.
 *
 * @param unused pieces (or parts) no form took, and readings set aside, each with why
 */
public record LooseEvidence(String host, List<Reading> readings, List<Unused> unused) {
    private static final Set<Form> ADDITIVE = Set.of(Form.IPTABLES_LIST, Form.TCPDUMP, Form.KERNEL_LOG,
            Form.SYN_TIMING, Form.UDP_SNMP, Form.K3S_JOURNAL, Form.KUBE_PROXY_LOG);

    /** A piece nothing could use, and why. */
    public record Unused(Piece piece, String why) {
        public Unused {
            Objects.requireNonNull(piece, "piece");
            Objects.requireNonNull(why, "why");
        }
    }

    public LooseEvidence {
        Objects.requireNonNull(host, "host");
        readings = List.copyOf(readings);
        unused = List.copyOf(unused);
    }

    /** @param files file name (as shown to the user) to its text, in reading order */
    public static LooseEvidence read(String host, Map<String, String> files) {
        List<Reading> readings = new ArrayList<>();
        List<Unused> unused = new ArrayList<>();
        Map<Form, Reading> first = new LinkedHashMap<>();
        files.forEach((name, text) -> {
            for (Piece piece : PastedText.split(name, text)) {
                Recognition r = Recognition.of(piece);
                r.unused().forEach(p -> unused.add(new Unused(p, "not recognised")));
                for (Reading reading : r.readings()) {
                    Reading earlier = reading.section().isPresent() && !ADDITIVE.contains(reading.form())
                            ? first.putIfAbsent(reading.form(), reading) : null;
                    if (earlier == null) {
                        readings.add(reading);
                    } else {
                        unused.add(new Unused(piece, reading.form().label() + " already given by "
                                + earlier.piece().where()));
                    }
                }
            }
        });
        return new LooseEvidence(host, readings, unused);
    }

    /** The readings as collector output: what {@link NodeFacts#parse} reads. */
    public String collectorText() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        for (Reading r : readings) {
            r.section().ifPresent(s -> sections.computeIfAbsent(s, k -> new ArrayList<>()).addAll(r.sectionLines()));
        }
        return text(sections);
    }

    /** The collector text with {@code only}'s section holding its text alone: what that one piece gave. */
    public String collectorText(Reading only) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        for (Reading r : readings) {
            if (r == only || r.section().isPresent() && !r.section().equals(only.section())) {
                r.section().ifPresent(s -> sections.computeIfAbsent(s, k -> new ArrayList<>()).addAll(r.sectionLines()));
            }
        }
        return text(sections);
    }

    private static String text(Map<String, List<String>> sections) {
        StringBuilder out = new StringBuilder();
        sections.forEach((name, lines) -> out.append(section(name, lines)));
        return out.toString();
    }

    public NodeFacts facts() {
        return NodeFacts.parse(collectorText());
    }

    static String section(String name, List<String> lines) {
        StringBuilder out = new StringBuilder("@@nodefix:section " + name + "@@\n");
        lines.forEach(l -> out.append(l).append('\n'));
        return out.append("\n@@nodefix:end ").append(name).append(" rc=0@@\n").toString();
    }
}
