package dev.nodefix.inventory;

import java.util.Objects;

/**
 * A setting's value and where it was decided: an inventory or vars file ({@code file:line:col}), an
 * ansible.cfg line, an ssh config line, an environment variable or a command-line option (a
 * {@link Location} with line 0 prints as its label alone), or a built-in default.
 */
public record Sourced<T>(T value, Location origin) {
    public Sourced {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }

    /** A value that comes from nowhere but nodefix's (or OpenSSH's) own default. */
    public static <T> Sourced<T> byDefault(T value, String what) {
        return new Sourced<>(value, new Location("default" + (what.isEmpty() ? "" : " (" + what + ")"), 0, 0));
    }

    /** A value from an environment variable or a command-line option, named by {@code label}. */
    public static <T> Sourced<T> from(T value, String label) {
        return new Sourced<>(value, new Location(label, 0, 0));
    }
}
