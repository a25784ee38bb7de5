package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ip -d link show flannel.1}: {@code vxlan id 1 local 10.0.0.5 dev eth0 ... dstport 8472}. Read from the
 * collector's {@code ip} section (one {@code ip -d -o -batch} run: the link on one line, among route lines) or
 * from the {@code vxlan-device} section older collectors printed (the link alone, on indented lines).
 *
 * @param exists whether flannel.1 is listed; false also when the text cannot tell: {@link #present()} says which
 * @param source the link's lines, or ip's own "does not exist" (complete); a listing showing neither is a fragment
 */
public record VxlanDevice(boolean exists, Optional<Integer> vni, Optional<Integer> dstport, Optional<String> local,
        Optional<String> dev, Provenance source) {
    public static final String COMMAND = "ip -d link show flannel.1";
    private static final Pattern VXLAN = Pattern.compile("\\bvxlan id (\\d+)\\b");
    private static final Pattern HEADER = Pattern.compile("\\d+: flannel\\.1[:@].*");
    /** iproute2's answers for a missing device ({@code Device "flannel.1" does not exist.}, {@code Cannot find ...}). */
    private static final Pattern NO_DEVICE = Pattern.compile(
            "\\s*(Device \"flannel\\.1\" does not exist\\.?|Cannot find device \"flannel\\.1\")\\s*");
    private static final Pattern DSTPORT = Pattern.compile("\\bdstport \\d+");
    private static final int QUOTED = 120;

    public static final Fact<VxlanDevice> FACT = Fact.of("ip", VxlanDevice::parse).orFrom("vxlan-device");

    static VxlanDevice parse(Section section) {
        List<String> link = link(section);
        if (link.isEmpty()) {
            return new VxlanDevice(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    absence(section));
        }
        String text = String.join("\n", link);
        List<String> quoted = quote(link.get(0).strip(), text);
        return new VxlanDevice(true, find(VXLAN, text).map(Integer::valueOf),
                word(text, "dstport").map(Integer::valueOf), word(text, "local"), word(text, "dev"),
                Provenance.host(COMMAND, section, Provenance.Extent.COMPLETE, quoted));
    }

    /** The link's header up to its MTU and its {@code vxlan id ... dstport N} part: the lines worth quoting. */
    private static List<String> quote(String header, String text) {
        int mtu = header.indexOf(" mtu ");
        List<String> quoted = new ArrayList<>(List.of(mtu > 0 ? header.substring(0, mtu) : cut(header)));
        int vxlan = text.indexOf("vxlan id");
        if (vxlan >= 0) {
            Matcher port = DSTPORT.matcher(text);
            quoted.add(port.find(vxlan) ? text.substring(vxlan, port.end()) : cut(text.substring(vxlan)));
        }
        return quoted;
    }

    private static String cut(String line) {
        return line.length() > QUOTED ? line.substring(0, QUOTED) + " ..." : line;
    }

    /** flannel.1 not listed: ip's own "does not exist" is complete; a listing without it is a fragment. */
    private static Provenance absence(Section section) {
        if (section.status() != Section.Status.RAN) {
            return Provenance.host(COMMAND, section, Provenance.notRun(section), List.of());
        }
        List<String> said = section.lines().stream().filter(l -> NO_DEVICE.matcher(l).matches()).map(String::strip)
                .limit(1).toList();
        return Provenance.host(COMMAND, section, said.isEmpty() ? Provenance.Extent.FRAGMENT
                : Provenance.Extent.COMPLETE, said);
    }

    /** Whether flannel.1 is there: yes when listed, no when ip says it does not exist, else cannot tell. */
    public Observed present() {
        return exists ? Observed.YES : source.complete() ? Observed.NO : Observed.CANNOT_TELL;
    }

    /** flannel.1's header line and its indented continuation lines; empty when the device is not listed. */
    private static List<String> link(Section section) {
        List<String> link = new ArrayList<>();
        for (String line : section.status() == Section.Status.RAN ? section.lines() : List.<String>of()) {
            if (link.isEmpty() ? HEADER.matcher(line).matches() : line.startsWith(" ") || line.startsWith("\t")) {
                link.add(line);
            } else if (!link.isEmpty()) {
                break;
            }
        }
        return link;
    }

    private static Optional<String> word(String text, String key) {
        return find(Pattern.compile("\\b" + key + " (\\S+)"), text.substring(Math.max(0, text.indexOf("vxlan id"))));
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
