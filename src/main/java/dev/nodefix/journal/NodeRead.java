package dev.nodefix.journal;

import java.util.Map;
import java.util.Objects;

/** What reading one node's journal of a run gave. */
public sealed interface NodeRead permits NodeRead.Journal, NodeRead.Missing, NodeRead.Failed, NodeRead.Unreachable {
    /** @param running seq of each change of the run still running on the node, to the pid applying it */
    record Journal(JournalText text, Map<Integer, Long> running) implements NodeRead {
        public Journal {
            Objects.requireNonNull(text, "text");
            running = Map.copyOf(running);
        }
    }

    /** The node has no journal of the run. */
    record Missing() implements NodeRead {
    }

    /** The node answered, but its journal could not be read. */
    record Failed(String why) implements NodeRead {
    }

    record Unreachable(String why) implements NodeRead {
    }
}
