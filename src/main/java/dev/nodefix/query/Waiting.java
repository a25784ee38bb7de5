package dev.nodefix.query;

import java.time.Duration;
import java.util.Objects;

/**
 * A wait a command makes on the node, for the progress line the controller shows while it goes on.
 *
 * @param what  what is waited for, read after "waiting for": {@code k3s.service to be active}
 * @param limit how long the node waits at most
 */
public record Waiting(String what, Duration limit) {
    public Waiting {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(limit, "limit");
    }
}
