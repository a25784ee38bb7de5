package dev.nodefix.transport;

/** Why a transport operation failed, in the words an operator triages by. */
public enum FailureClass {
    HOST_KEY_UNKNOWN("host key unknown", true),
    HOST_KEY_CHANGED("host key CHANGED", true),
    AUTH("authentication failed", true),
    TIMEOUT("connect timeout", true),
    REFUSED("connection refused", true),
    DNS("name not resolved", true),
    NETWORK("network unreachable", true),
    DISCONNECTED("connection lost", true),
    COMMAND_TIMEOUT("command timed out", false),
    PROTOCOL("ssh error", true);

    private final String label;
    private final boolean unreachable;

    FailureClass(String label, boolean unreachable) {
        this.label = label;
        this.unreachable = unreachable;
    }

    public String label() {
        return label;
    }

    /** True when the host could not be used at all (Ansible's UNREACHABLE), false for a failed command. */
    public boolean unreachable() {
        return unreachable;
    }
}
