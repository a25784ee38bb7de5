package dev.nodefix.diagnose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one recommended remediation for the cluster.
 *
 * @param action   {@code fix-vxlan-checksum}, {@code switch-backend-host-gw}, {@code switch-external-flannel} (k3s runs no
 *                 flannel: the separately deployed one is switched in its own configuration), {@code upgrade}, {@code none} or
 *                 {@code investigate}
 * @param playbook the shipped playbook that applies it, by name ({@code nodefix play NAME}), when there is one
 * @param hosts    the hosts it concerns (sorted)
 * @param upgrade  the lasting fix when kube-proxy or flannel lack theirs
 */
public record Remediation(String action, Optional<String> playbook, List<String> hosts, String reason,
        Optional<String> upgrade) {
    public static final String FIX_PLAYBOOK = "fix-vxlan-checksum";
    public static final String HOST_GW_PLAYBOOK = "switch-backend-host-gw";

    public Remediation {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(playbook, "playbook");
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(upgrade, "upgrade");
    }
}
