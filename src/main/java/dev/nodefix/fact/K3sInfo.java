package dev.nodefix.fact;

/** k3s on the node: role (from its unit), version, and whether its service is active. */
public record K3sInfo(K3sUnits.Role role, K3sVersion version, boolean active) {
    public static K3sInfo of(K3sUnits units, K3sVersion version, ServiceStates services) {
        K3sUnits.Role role = units.role();
        if (role == K3sUnits.Role.UNKNOWN) { // no unit file: tell the role by which service runs
            role = services.active("k3s") ? K3sUnits.Role.SERVER
                    : services.active("k3s-agent") ? K3sUnits.Role.AGENT : K3sUnits.Role.UNKNOWN;
        }
        String unit = role == K3sUnits.Role.AGENT ? "k3s-agent" : "k3s";
        return new K3sInfo(role, version, services.active(unit));
    }
}
