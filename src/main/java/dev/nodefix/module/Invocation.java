package dev.nodefix.module;

import dev.nodefix.state.NodeState;
import dev.nodefix.state.Query;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** A module with bound, valid arguments: what it reads, and its planner over a node's state. */
public record Invocation(String module, Object args, List<Query> reads, Function<NodeState, Plan> planner) {
    public Invocation {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(args, "args");
        reads = List.copyOf(reads);
        Objects.requireNonNull(planner, "planner");
    }

    public Plan plan(NodeState state) {
        return planner.apply(state);
    }
}
