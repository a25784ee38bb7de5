package dev.nodefix.diagnose;

import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.fact.NodeFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Evidence lines quoted from the facts, worded the way the commands that produced them print. */
final class Evidence {
    private Evidence() {}

    static String backend(NodeFacts f) {
        String sources = f.backend().sources().isEmpty() ? "k3s default" : String.join(", ",
                f.backend().sources().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=" + e.getValue()).toList());
        return "flannel backend: " + f.backend().effective().orElse("unknown") + " (" + sources + ")";
    }

    static String offload(NodeFacts f) {
        if (!f.offload().available()) {
            return "ethtool -k flannel.1: no device or no ethtool";
        }
        return f.offload().txChecksumIpGeneric()
                .map(t -> "ethtool -k flannel.1: " + EthtoolFeatures.TX_CHECKSUM_IP_GENERIC + ": "
                        + (t.on() ? "on" : "off") + (t.fixed() ? " [fixed]" : ""))
                .orElse("ethtool -k flannel.1: no " + EthtoolFeatures.TX_CHECKSUM_IP_GENERIC + " feature");
    }

    static String persistence(NodeFacts f) {
        List<String> files = new ArrayList<>(f.persistence().udevRules());
        files.addAll(f.persistence().systemdUnits());
        if (f.persistence().installed()) {
            return "persistence: " + String.join(", ", files) + " runs ethtool -K flannel.1 tx-checksum-ip-generic off";
        }
        return files.isEmpty() ? "persistence: no udev rule or systemd unit for flannel.1"
                : "persistence: " + String.join(", ", files) + " (none disables tx-checksum-ip-generic)";
    }

    static String kernel(NodeFacts f) {
        return "kernel " + f.kernel().release().orElse("unknown") + " (not decisive on its own)";
    }

    static Optional<String> csumErrors(NodeFacts f) {
        return f.udp().inCsumErrors().map(n -> "/proc/net/snmp Udp InCsumErrors: " + n);
    }
}
