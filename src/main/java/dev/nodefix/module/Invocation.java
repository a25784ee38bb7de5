package dev.nodefix.module;

import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** A module with bound, valid arguments: what it reads, and its planner over a node's state. */
public record Invocation(String module, Object args, List<Query> reads, Function<HostContext, List<Query>> contextReads,
                         Function<NodeState, Plan> planner) {
    public Invocation {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(args, "args");
        reads = List.copyOf(reads);
        Objects.requireNonNull(contextReads, "contextReads");
        Objects.requireNonNull(planner, "planner");
    }

    /** An invocation whose reads do not depend on the host's place in the cluster. */
    public Invocation(String module, Object args, List<Query> reads, Function<NodeState, Plan> planner) {
        this(module, args, reads, context -> reads, planner);
    }

    /** What to read on one host, knowing its place in the cluster. */
    public List<Query> readsFor(HostContext context) {
        return contextReads.apply(context);
    }

    public Plan plan(NodeState state) {
        return planner.apply(state);
    }
}
