package dev.nodefix.engine;

import java.time.Duration;

/** Told, while a command waits on a node, what it waits for and how long it has so far ({@link WaitTicker}). */
@FunctionalInterface
public interface WaitWatch {
    /**
     * @param what   what is waited for and where: {@code k3s.service to be active on srv1}
     * @param waited how long the command has run so far
     * @param limit  how long the node waits at most
     */
    void waiting(String what, Duration waited, Duration limit);

    WaitWatch NONE = (what, waited, limit) -> { };
}
