package dev.nodefix.module;

import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import java.util.List;
import java.util.Map;

/**
 * A module: declared arguments, bound into a validated args record, and a pure planner from that record and
 * the node state it declared it reads to a {@link Plan}. A module never touches a node and never knows
 * whether this is a check run.
 *
 * @param <A> the module's args record
 */
public interface Module<A> {
    /** The name playbooks and the CLI use, e.g. {@code ethtool}. */
    String name();

    /** One line for {@code --help} and the shell's help. */
    String description();

    List<Param> params();

    /** Validates raw arguments into the args record; {@link ArgException} on any problem. */
    A bind(Args args);

    /** The node state the plan for these args depends on (re-read right before applying). */
    List<Query> reads(A args);

    /** What to read on one host of a cluster; by default the same as {@link #reads(Object)}. */
    default List<Query> reads(A args, HostContext context) {
        return reads(args);
    }

    /**
     * Whether the module only checks (never plans a change): a playbook's plan leaves such a task for the run
     * when changes planned before it on the host may decide its outcome.
     */
    default boolean checksOnly() {
        return false;
    }

    /** Pure: the same args and state always give the same plan. */
    Plan plan(A args, NodeState state);

    /** Binds raw arguments and returns the module ready to plan on any node. */
    default Invocation invoke(Map<String, ?> raw) {
        A args = bind(new Args(name(), params(), raw));
        return new Invocation(name(), args, reads(args), context -> reads(args, context), state -> plan(args, state));
    }
}
