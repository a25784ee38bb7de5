package dev.nodefix.fact;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ip -d link show flannel.1}: {@code vxlan id 1 local 10.0.0.5 dev eth0 ... dstport 8472}. */
public record VxlanDevice(boolean exists, Optional<Integer> vni, Optional<Integer> dstport, Optional<String> local,
        Optional<String> dev) {
    private static final Pattern VXLAN = Pattern.compile("\\bvxlan id (\\d+)\\b");

    public static final Fact<VxlanDevice> FACT = Fact.of("vxlan-device", VxlanDevice::parse);

    static VxlanDevice parse(Section section) {
        boolean exists = section.succeeded() && section.lines().stream().anyMatch(l -> l.contains(": flannel.1"));
        if (!exists) {
            return new VxlanDevice(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        String text = section.text();
        return new VxlanDevice(true, find(VXLAN, text).map(Integer::valueOf),
                word(text, "dstport").map(Integer::valueOf), word(text, "local"), word(text, "dev"));
    }

    private static Optional<String> word(String text, String key) {
        return find(Pattern.compile("\\b" + key + " (\\S+)"), text.substring(Math.max(0, text.indexOf("vxlan id"))));
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
