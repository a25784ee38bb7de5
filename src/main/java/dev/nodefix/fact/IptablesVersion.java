package dev.nodefix.fact;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code iptables --version}: {@code iptables v1.8.7 (nf_tables)}, {@code iptables v1.8.8 (legacy)}, or old
 * {@code iptables v1.4.21} (no mode suffix: legacy). {@code --random-fully} needs iptables 1.6.2 or later.
 */
public record IptablesVersion(Optional<String> version, Mode mode, boolean randomFullyCapable) {
    public enum Mode { LEGACY, NF_TABLES, ABSENT }

    private static final Pattern LINE = Pattern.compile("iptables v(\\d+)\\.(\\d+)\\.(\\d+)\\S*(?:\\s+\\((\\w+)\\))?.*");

    public static final Fact<IptablesVersion> HOST = Fact.of("iptables-version", IptablesVersion::parse);
    public static final Fact<IptablesVersion> K3S_BUNDLED = Fact.of("iptables-k3s-version", IptablesVersion::parse);

    static IptablesVersion parse(Section section) {
        for (String line : section.succeeded() ? section.lines() : java.util.List.<String>of()) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                int[] v = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
                Mode mode = "nf_tables".equals(m.group(4)) ? Mode.NF_TABLES : Mode.LEGACY;
                boolean capable = v[0] > 1 || v[0] == 1 && (v[1] > 6 || v[1] == 6 && v[2] >= 2);
                return new IptablesVersion(Optional.of(v[0] + "." + v[1] + "." + v[2]), mode, capable);
            }
        }
        return new IptablesVersion(Optional.empty(), Mode.ABSENT, false);
    }
}
