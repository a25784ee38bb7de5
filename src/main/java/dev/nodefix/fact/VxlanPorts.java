package dev.nodefix.fact;

import java.util.List;

/**
 * The UDP ports this node's VXLAN traffic uses: flannel.1's {@code dstport} when it is known, else both
 * well-known ones (8472, flannel's and the Linux default; 4789, the IANA port).
 *
 * @param fromDevice whether the port was read from flannel.1 rather than assumed
 */
public record VxlanPorts(List<Integer> ports, boolean fromDevice) {
    public static final List<Integer> WELL_KNOWN = List.of(8472, 4789);

    public VxlanPorts {
        ports = List.copyOf(ports);
    }

    public static VxlanPorts of(VxlanDevice device) {
        return device.dstport().map(p -> new VxlanPorts(List.of(p), true)).orElse(new VxlanPorts(WELL_KNOWN, false));
    }

    public boolean matches(int port) {
        return ports.contains(port);
    }

    /** {@code port 8472 (flannel.1 dstport)} or {@code port 8472 or 4789 (flannel.1's port not known)}. */
    public String describe() {
        return fromDevice ? "port " + ports.get(0) + " (flannel.1 dstport)"
                : "port " + String.join(" or ", ports.stream().map(String::valueOf).toList())
                        + " (flannel.1's port not known)";
    }
}
