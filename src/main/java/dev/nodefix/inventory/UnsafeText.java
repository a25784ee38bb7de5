package dev.nodefix.inventory;

import java.util.Objects;

/**
 * A string tagged {@code !unsafe} in the inventory: Ansible never templates it and
 * {@code ansible-inventory --list} prints it as {@code {"__ansible_unsafe": "..."}}.
 */
public record UnsafeText(String text) {
    public UnsafeText {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return text;
    }
}
