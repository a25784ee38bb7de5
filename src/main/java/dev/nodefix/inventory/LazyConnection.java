package dev.nodefix.inventory;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A host's {@link Connection}, resolved the first time it is asked for and kept: a host whose connection
 * variables are vaulted is only decrypted when something connects to it (never for {@code inventory
 * --list}). A failure is not kept: asking again tries again.
 */
final class LazyConnection implements Supplier<Connection> {
    private final Supplier<Connection> resolve;
    private Connection resolved;

    LazyConnection(Supplier<Connection> resolve) {
        this.resolve = Objects.requireNonNull(resolve, "resolve");
    }

    @Override
    public synchronized Connection get() {
        if (resolved == null) {
            resolved = Objects.requireNonNull(resolve.get(), "connection");
        }
        return resolved;
    }

    @Override
    public String toString() {
        return resolved == null ? "<not resolved yet>" : resolved.toString();
    }
}
