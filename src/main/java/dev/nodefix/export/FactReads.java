package dev.nodefix.export;

import dev.nodefix.transport.Command;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts a node script reads itself, each a yes/no with the sh that tells it, as the collector's facts mean
 * them: {@code facts.vxlan.exists} (ip lists flannel.1; any failure of ip reads no, as ip fails for a missing
 * device), {@code facts.offload.features[F].on} and
 * {@code .fixed} (ethtool -k flannel.1 shows F on, or {@code [fixed]}; a feature ethtool does not list reads no, and
 * when ethtool itself fails the node cannot tell: a condition that depends on it fails its task).
 */
final class FactReads {
    static final String DEVICE = "flannel.1";
    static final List<String> SUPPORTED = List.of("facts.vxlan.exists", "facts.offload.features[FEATURE].on",
            "facts.offload.features[FEATURE].fixed");
    private static final Pattern FEATURE = Pattern.compile("facts\\.offload\\.features\\[([a-z0-9][a-z0-9_-]*)]\\.(on|fixed)");

    /**
     * @param path   the fact as written ({@code facts.vxlan.exists})
     * @param sh     sh that exits 0 for yes, 1 for no, anything else when the node cannot tell (never a no)
     * @param cannot why the node could not tell, for the task's failure
     */
    record Read(String path, String sh, String cannot) {
    }

    private FactReads() {}

    static Optional<Read> of(String path) {
        if (path.equals("facts.vxlan.exists")) {
            return Optional.of(new Read(path, "{ ip link show dev " + DEVICE + " >/dev/null 2>&1 || (exit 1); }",
                    "ip link failed"));
        }
        Matcher m = FEATURE.matcher(path);
        if (m.matches()) {
            String what = m.group(2).equals("on") ? ": on" : ": .*\\[fixed\\]";
            // ethtool failing (no such device, no ethtool) is not "off": the reading exits 2
            return Optional.of(new Read(path, "if nf_k=$(ethtool -k " + DEVICE + " 2>/dev/null); then printf '%s\\n' \"$nf_k\""
                    + " | grep -q " + Command.quote("^[[:space:]]*" + m.group(1) + what) + "; else (exit 2); fi",
                    "ethtool -k " + DEVICE + " failed"));
        }
        return Optional.empty();
    }

    /** Whether some reading lies below {@code path}. */
    static boolean prefix(String path) {
        return path.equals("facts") || path.equals("facts.vxlan") || path.equals("facts.offload")
                || path.equals("facts.offload.features") || path.matches("facts\\.offload\\.features\\[[a-z0-9][a-z0-9_-]*]");
    }
}
