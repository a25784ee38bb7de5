package dev.nodefix.engine;

import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One step of a run on one host: the node state it reads and its pure planner over that state. The
 * executor reads, plans, and (when applying) reads and plans again right before acting.
 *
 * @param number 1-based position in the run (changes of one task are rolled back together)
 */
public record Task(int number, String name, List<Query> reads, Function<NodeState, TaskPlan> planner) {
    public Task {
        Objects.requireNonNull(name, "name");
        reads = List.copyOf(reads);
        Objects.requireNonNull(planner, "planner");
    }
}
