package dev.nodefix.module;

import java.util.Map;

/**
 * A module that can run node-locally (in a node script that no controller drives, e.g. a system-upgrade-controller
 * Job): its plan as a {@link NodeFragment}.
 */
public interface NodeLocal<A> extends Module<A> {
    NodeFragment nodeFragment(A args);

    /** Binds raw arguments (as {@link #invoke} does) and gives their fragment. */
    default NodeFragment nodeFragment(Map<String, ?> raw) {
        return nodeFragment(bind(new Args(name(), params(), raw)));
    }
}
