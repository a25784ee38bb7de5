package dev.nodefix.fact;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ethtool -k flannel.1}: feature name to state. Parsed by name, so tab trees, space-indented and flat
 * listings all read the same. "No such device" (ioctl or netlink wording) gives {@code available=false}; so does
 * an ethtool that could not be started (exit 127), but then whether the device exists is "cannot tell".
 *
 * @param source {@code tx-checksum-ip-generic}'s line (complete), ethtool's "no such device" (complete), a listing
 *               without that feature (fragment), or output with no feature at all (unreadable)
 */
public record EthtoolFeatures(boolean available, Map<String, Feature> features, Provenance source) {
    /** @param fixed the driver does not let it change ({@code [fixed]}) */
    public record Feature(boolean on, boolean fixed) {}

    public static final String TX_CHECKSUM_IP_GENERIC = "tx-checksum-ip-generic";
    public static final String COMMAND = "ethtool -k flannel.1";
    private static final Pattern LINE = Pattern.compile("\\s*([a-z0-9][a-z0-9_-]*): (on|off)(.*)");
    /** ethtool's answers for a missing device: ioctl ({@code No such device}) and netlink ({@code no device matches}). */
    private static final Pattern NO_DEVICE = Pattern.compile("(?i).*(no such device|no device matches).*");

    /**
     * The shell's answer when ethtool itself could not be started (exit 127: not installed, or not on the login's
     * PATH): sh/dash {@code ethtool: not found}, bash {@code ethtool: command not found}.
     */
    private static final Pattern NO_TOOL = Pattern.compile("(?i).*\\bethtool: (command )?not found.*");

    public static final Fact<EthtoolFeatures> FACT = Fact.of("ethtool-features", EthtoolFeatures::parse);

    public EthtoolFeatures {
        features = Map.copyOf(features);
    }

    /** Features known without a listing to quote (a state computed in memory, such as one after an undo). */
    public EthtoolFeatures(boolean available, Map<String, Feature> features) {
        this(available, features, new Provenance(COMMAND, "ethtool-features", Provenance.View.HOST,
                java.util.Optional.empty(), Provenance.Extent.COMPLETE, List.of()));
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
        return new EthtoolFeatures(!features.isEmpty(), features, source(section, features));
    }

    private static Provenance source(Section section, Map<String, Feature> features) {
        if (section.status() != Section.Status.RAN) {
            return Provenance.host(COMMAND, section, Provenance.notRun(section), List.of());
        }
        if (features.isEmpty() && missingTool(section)) {
            return Provenance.host(COMMAND, section, Provenance.Extent.TOOL_MISSING, section.lines().stream()
                    .filter(l -> NO_TOOL.matcher(l).matches()).map(String::strip).limit(1).toList());
        }
        List<String> line = section.lines().stream().filter(l -> l.strip().startsWith(TX_CHECKSUM_IP_GENERIC + ":"))
                .map(String::strip).limit(1).toList();
        List<String> noDevice = section.lines().stream().filter(l -> NO_DEVICE.matcher(l).matches())
                .map(String::strip).limit(1).toList();
        Provenance.Extent extent = !line.isEmpty() && features.containsKey(TX_CHECKSUM_IP_GENERIC)
                || features.isEmpty() && !noDevice.isEmpty() ? Provenance.Extent.COMPLETE
                : features.isEmpty() ? Provenance.Extent.UNREADABLE : Provenance.Extent.FRAGMENT;
        return Provenance.host(COMMAND, section, extent, features.isEmpty() ? noDevice : line);
    }

    /** Exit 127 or the shell's "not found" for ethtool: the run says nothing about the device. */
    private static boolean missingTool(Section section) {
        return section.exitCode().orElse(0) == 127 || section.lines().stream().anyMatch(l -> NO_TOOL.matcher(l).matches());
    }

    /** Whether ethtool shows flannel.1: yes with its features, no when it says there is no such device. */
    public Observed device() {
        return available ? Observed.YES : source.complete() ? Observed.NO : Observed.CANNOT_TELL;
    }

    /** Whether {@code tx-checksum-ip-generic} is on: yes, no (off), or cannot tell (not listed, not collected). */
    public Observed txChecksumOn() {
        return txChecksumIpGeneric().map(t -> t.on() ? Observed.YES : Observed.NO).orElse(Observed.CANNOT_TELL);
    }

    public Optional<Feature> feature(String name) {
        return Optional.ofNullable(features.get(name));
    }

    public Optional<Feature> txChecksumIpGeneric() {
        return feature(TX_CHECKSUM_IP_GENERIC);
    }
}
