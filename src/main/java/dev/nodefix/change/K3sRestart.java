package dev.nodefix.change;

import dev.nodefix.transport.Command;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Restart a k3s server unit after its flannel backend was rewritten, wait until it is active, wait until
 * k3s has rewritten net-conf.json with the new backend (the verification), then remove what the old backend
 * leaves behind, as k3s itself never does (a switch keeps the old interfaces and routes):
 * <ul>
 *   <li>away from {@code vxlan}: {@code flannel.1} and {@code flannel-v6.1}; deleting a device drops its
 *       routes, neighbours and fdb entries with it;</li>
 *   <li>away from {@code wireguard-native}: {@code flannel-wg} and {@code flannel-wg-v6}, likewise;</li>
 *   <li>away from {@code host-gw}: every route inside the cluster network (net-conf.json's {@code Network},
 *       else 10.42.0.0/16) that has a gateway and leaves through a device that is neither {@code cni0} nor
 *       flannel's own: the pod-subnet routes via peer node IPs on the uplink.</li>
 * </ul>
 * The cleanup runs only after the new backend is verified, so a k3s that fails to come up keeps the old
 * data plane. For {@code none} k3s runs no flannel and writes no net-conf.json: only the unit is waited for.
 * A trigger: on rollback it runs again, as the inverse switch, after the restored files.
 *
 * @param timeout how long to wait for the unit to be active and net-conf.json to name the new backend
 */
public record K3sRestart(String unit, String fromBackend, String toBackend, Duration timeout) implements Change {
    public static final String NET_CONF = "/var/lib/rancher/k3s/agent/etc/flannel/net-conf.json";
    /** What the script may take longer than {@link #timeout} (restart call, cleanup) before the transport cuts it. */
    private static final Duration SLACK = Duration.ofSeconds(30);

    /** $1 unit, $2 from backend, $3 to backend, $4 tenths of a second to wait, $5 net-conf.json path. */
    private static final String RUN = "u=$1 from=$2 to=$3 limit=$4 nc=$5 i=0\n"
            + "systemctl restart -- \"$u\" || exit\n"
            + "while :; do s=$(systemctl is-active -- \"$u\")\n"
            + "  [ \"$s\" = active ] && break\n"
            + "  [ \"$s\" = failed ] && { echo \"$u failed to start (see journalctl -u $u)\" >&2; exit 1; }\n"
            + "  i=$((i+1)); [ \"$i\" -ge \"$limit\" ] && { echo \"$u is $s after $((limit / 10))s\" >&2; exit 1; }\n"
            + "  sleep 0.1; done\n"
            + "field() { sed -n \"s/.*\\\"$1\\\"[[:space:]]*:[[:space:]]*\\\"\\([^\\\"]*\\)\\\".*/\\1/p\" \"$nc\" 2>/dev/null"
            + " | head -n 1; }\n"
            + "case $to in wireguard-native) want=wireguard ;; *) want=$to ;; esac\n"
            + "while [ \"$to\" != none ]; do t=$(field Type)\n"
            + "  [ \"$t\" = \"$want\" ] && break\n"
            + "  i=$((i+1)); [ \"$i\" -ge \"$limit\" ] && { echo \"$nc says Type ${t:-nothing}, not $want, after"
            + " $((limit / 10))s\" >&2; exit 1; }\n"
            + "  sleep 0.1; done\n"
            + "gone() { for d; do ip link show dev \"$d\" >/dev/null 2>&1 || continue\n"
            + "  ip link del dev \"$d\" && echo \"removed stale $d and its routes\" || exit; done; }\n"
            + "[ \"$from\" = vxlan ] && [ \"$to\" != vxlan ] && { gone flannel.1 flannel-v6.1 || exit; }\n"
            + "[ \"$from\" = wireguard-native ] && [ \"$to\" != wireguard-native ] && { gone flannel-wg flannel-wg-v6 || exit; }\n"
            + "if [ \"$from\" = host-gw ] && [ \"$to\" != host-gw ]; then net=$(field Network)\n"
            + "  ip -4 route show root \"${net:-10.42.0.0/16}\" | awk '{ gw = \"\"; dev = \"\"\n"
            + "    for (i = 2; i < NF; i++) { if ($i == \"via\") gw = $(i + 1); if ($i == \"dev\") dev = $(i + 1) }\n"
            + "    if (gw != \"\" && dev != \"cni0\" && dev !~ /^flannel/) print $1, gw, dev }' |\n"
            + "  while read -r dst gw dev; do ip route del \"$dst\" via \"$gw\" dev \"$dev\" || exit\n"
            + "    echo \"removed stale host-gw route $dst via $gw dev $dev\"; done || exit\n"
            + "fi\n"
            + "echo \"$u active; flannel backend $to\"";

    public K3sRestart {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(fromBackend, "fromBackend");
        Objects.requireNonNull(toBackend, "toBackend");
        Objects.requireNonNull(timeout, "timeout");
        if (!unit.matches("[A-Za-z0-9_.@:-]+\\.service")) {
            throw new IllegalArgumentException("not a service unit name: " + unit);
        }
        for (String backend : new String[] {fromBackend, toBackend}) {
            if (!backend.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("not a flannel backend name: '" + backend + "'");
            }
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
    }

    @Override
    public String describe() {
        return "restart " + unit + ": flannel backend " + fromBackend + " -> " + toBackend + cleanup()
                + (toBackend.equals("none") ? "" : ", verify net-conf.json Type " + netConfType(toBackend));
    }

    @Override
    public Optional<String> diff() {
        return Optional.of("-flannel backend: " + fromBackend + "\n+flannel backend: " + toBackend);
    }

    @Override
    public Optional<Change> inverse() {
        return Optional.of(new K3sRestart(unit, toBackend, fromBackend, timeout));
    }

    @Override
    public boolean trigger() {
        return true;
    }

    @Override
    public Optional<dev.nodefix.query.Waiting> waits() {
        return Optional.of(new dev.nodefix.query.Waiting(unit + " to be active" + (toBackend.equals("none") ? ""
                : " with flannel backend " + toBackend), timeout));
    }

    @Override
    public Command command() {
        long tenths = Math.max(1, timeout.toMillis() / 100);
        return Command.of("/bin/sh", "-c", RUN, "nodefix-k3s-restart", unit, fromBackend, toBackend,
                Long.toString(tenths), NET_CONF).withTimeout(timeout.plus(SLACK));
    }

    @Override
    public String kind() {
        return "k3s-restart";
    }

    /** What the old backend leaves behind that this restart removes, as words for {@link #describe()}. */
    private String cleanup() {
        if (fromBackend.equals(toBackend)) {
            return "";
        }
        return switch (fromBackend) {
            case "vxlan" -> ", remove stale flannel.1 and its routes";
            case "wireguard-native" -> ", remove stale flannel-wg and its routes";
            case "host-gw" -> ", remove stale host-gw routes";
            default -> "";
        };
    }

    /** The {@code Backend.Type} k3s writes to net-conf.json for a {@code --flannel-backend} value. */
    public static String netConfType(String backend) {
        return backend.equals("wireguard-native") ? "wireguard" : backend;
    }
}
