package dev.nodefix.executor;

import java.time.Duration;

/** Told while the health gate waits for nodes to become Ready, so that a long wait shows what it waits for. */
@FunctionalInterface
public interface GateWatch {
    /** How often at most the gate tells of a wait that goes on. */
    Duration EVERY = Duration.ofSeconds(5);

    /**
     * @param what   what is waited for, e.g. {@code node labn02 (NotReady) Ready}
     * @param waited how long the gate has waited so far
     * @param limit  how long it waits at most
     */
    void waiting(String what, Duration waited, Duration limit);

    GateWatch NONE = (what, waited, limit) -> { };
}
