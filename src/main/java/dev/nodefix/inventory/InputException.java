package dev.nodefix.inventory;

import java.util.Objects;

/**
 * A local input file that nodefix will not read, or YAML text over one of its limits: where ({@code file:line:col},
 * or the file alone) and why, as one sentence. Each reader turns it into its own layer's error; the CLI prints it
 * and exits 1.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Location location;
    private final String reason;

    public InputException(Location location, String reason) {
        super(Objects.requireNonNull(location, "location") + ": " + Objects.requireNonNull(reason, "reason"));
        this.location = location;
        this.reason = reason;
    }

    /** Where the problem is. */
    public Location location() {
        return location;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }
}
