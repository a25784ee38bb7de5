package dev.nodefix.executor;

import java.util.List;

/** What a playbook run tells as it goes (the text and JSON reports, the progress line). */
public interface PlayEvents {
    /** A play starts applying, in these batches of host names. */
    default void play(int play, String name, List<List<String>> batches) {
    }

    /** A host finished its share of a batch (for a progress line). */
    default void hostDone(String host, boolean ok) {
    }

    /** A batch finished: its lines, tasks then handlers. */
    default void batch(int play, int batch, List<TaskLine> lines) {
    }

    /** The health gate is waiting for nodes to become Ready (at most every {@link GateWatch#EVERY}). */
    default void gateWaiting(String what, java.time.Duration waited, java.time.Duration limit) {
    }

    /**
     * A command waits on a node (a restart until the unit is active, wait_for), told every
     * {@link dev.nodefix.engine.WaitTicker#EVERY} while it goes on.
     *
     * @param what what is waited for and where: {@code k3s.service to be active on srv1}
     */
    default void waiting(String what, java.time.Duration waited, java.time.Duration limit) {
    }

    /**
     * A task's {@code until}/{@code retries} loop tries again on a host, after its {@code delay}.
     *
     * @param attempt  the attempt that starts (2 for the first retry)
     * @param attempts how many attempts there are at most ({@code retries} + 1)
     * @param since    how long since the first attempt started
     */
    default void retrying(String task, String host, int attempt, int attempts, java.time.Duration since) {
    }

    /** The health gate after a batch: empty problem when it passed. */
    default void gate(int play, int batch, List<String> hosts, java.util.Optional<String> problem) {
    }

    PlayEvents NONE = new PlayEvents() {
    };
}
