package dev.nodefix.fact;

import java.util.Objects;

/** The facts of one host, or why there are none. */
public sealed interface HostFacts {
    String host();

    /** The collector ran (or its captured output was read) and was parsed. */
    record Collected(String host, NodeFacts facts) implements HostFacts {
        public Collected {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(facts, "facts");
        }
    }

    /** @param status "unreachable" or "failed" */
    record NotCollected(String host, String status, String message) implements HostFacts {
        public NotCollected {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
        }
    }
}
