package dev.nodefix.vault;

import dev.nodefix.inventory.Location;
import java.util.Objects;

/**
 * A value written with Ansible's {@code !vault} tag: the {@code $ANSIBLE_VAULT;...} envelope as text,
 * still encrypted, and where it was written. Reading an inventory never decrypts: a vaulted value that
 * nodefix never needs never needs a password. Prints as {@code <vaulted>}, never as its envelope.
 */
public record Vaulted(String envelope, Location location) {
    public Vaulted {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String toString() {
        return "<vaulted>";
    }
}
