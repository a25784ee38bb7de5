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

    /** The health gate after a batch: empty problem when it passed. */
    default void gate(int play, int batch, List<String> hosts, java.util.Optional<String> problem) {
    }

    PlayEvents NONE = new PlayEvents() {
    };
}
