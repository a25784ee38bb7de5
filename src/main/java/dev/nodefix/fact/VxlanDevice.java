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
 */
public record VxlanDevice(boolean exists, Optional<Integer> vni, Optional<Integer> dstport, Optional<String> local,
        Optional<String> dev) {
    private static final Pattern VXLAN = Pattern.compile("\\bvxlan id (\\d+)\\b");
    private static final Pattern HEADER = Pattern.compile("\\d+: flannel\\.1[:@].*");

    public static final Fact<VxlanDevice> FACT = Fact.of("ip", VxlanDevice::parse).orFrom("vxlan-device");

    static VxlanDevice parse(Section section) {
        List<String> link = link(section);
        if (link.isEmpty()) {
            return new VxlanDevice(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        String text = String.join("\n", link);
        return new VxlanDevice(true, find(VXLAN, text).map(Integer::valueOf),
                word(text, "dstport").map(Integer::valueOf), word(text, "local"), word(text, "dev"));
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
