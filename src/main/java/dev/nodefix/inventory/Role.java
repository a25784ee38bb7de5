package dev.nodefix.inventory;

/** The k3s role of a node as the inventory states it; UNKNOWN means facts must tell. */
public enum Role {
    SERVER, AGENT, UNKNOWN;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
