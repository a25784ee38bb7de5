package dev.nodefix.fact;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ethtool -k flannel.1}: feature name to state. Parsed by name, so tab trees, space-indented and flat
 * listings all read the same. "No such device" (ioctl or netlink wording) gives {@code available=false}.
 */
public record EthtoolFeatures(boolean available, Map<String, Feature> features) {
    /** @param fixed the driver does not let it change ({@code [fixed]}) */
    public record Feature(boolean on, boolean fixed) {}

    public static final String TX_CHECKSUM_IP_GENERIC = "tx-checksum-ip-generic";
    private static final Pattern LINE = Pattern.compile("\\s*([a-z0-9][a-z0-9_-]*): (on|off)(.*)");

    public static final Fact<EthtoolFeatures> FACT = Fact.of("ethtool-features", EthtoolFeatures::parse);

    public EthtoolFeatures {
        features = Map.copyOf(features);
    }

    static EthtoolFeatures parse(Section section) {
        Map<String, Feature> features = new TreeMap<>();
        if (section.succeeded()) {
            for (String line : section.lines()) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    features.put(m.group(1), new Feature("on".equals(m.group(2)), m.group(3).contains("[fixed]")));
                }
            }
        }
        return new EthtoolFeatures(!features.isEmpty(), features);
    }

    public Optional<Feature> feature(String name) {
        return Optional.ofNullable(features.get(name));
    }

    public Optional<Feature> txChecksumIpGeneric() {
        return feature(TX_CHECKSUM_IP_GENERIC);
    }
}
