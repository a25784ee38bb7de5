package dev.nodefix.fact;

/**
 * k3s on the node: role (from its unit), version, and whether its service is active.
 *
 * @param active  systemd says the role's unit is active (false also when that was not collected)
 * @param running yes when active, no when systemd names another state ({@code inactive}, {@code failed}), cannot
 *                tell when the states were not collected or systemd gave no state (not running, an error)
 */
public record K3sInfo(K3sUnits.Role role, K3sVersion version, boolean active, Observed running) {
    public static final String COMMAND = "systemctl is-active k3s k3s-agent";

    public static K3sInfo of(K3sUnits units, K3sVersion version, ServiceStates services) {
        K3sUnits.Role role = units.role();
        if (role == K3sUnits.Role.UNKNOWN) { // no unit file: tell the role by which service runs
            role = services.active("k3s") ? K3sUnits.Role.SERVER
                    : services.active("k3s-agent") ? K3sUnits.Role.AGENT : K3sUnits.Role.UNKNOWN;
        }
        String unit = role == K3sUnits.Role.AGENT ? "k3s-agent" : "k3s";
        return new K3sInfo(role, version, services.active(unit), running(services, role, unit));
    }

    private static Observed running(ServiceStates services, K3sUnits.Role role, String unit) {
        if (services.active(unit)) {
            return Observed.YES;
        }
        boolean stopped = role == K3sUnits.Role.UNKNOWN
                ? stopped(services.states().get("k3s")) && stopped(services.states().get("k3s-agent"))
                : stopped(services.states().get(unit));
        return stopped ? Observed.NO : Observed.CANNOT_TELL;
    }

    /** A state systemd prints for a unit that is not running. */
    private static boolean stopped(String state) {
        return "inactive".equals(state) || "failed".equals(state);
    }
}
