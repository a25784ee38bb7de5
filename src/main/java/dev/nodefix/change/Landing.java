package dev.nodefix.change;

/** Where a node's current state stands relative to one recorded change. */
public enum Landing {
    /** The state is the change's after-image: the change is in place. */
    APPLIED,
    /** The state is the change's before-image: the change never landed, or was undone already. */
    NOT_APPLIED,
    /** Neither: someone changed it since (a conflict for rollback). */
    DIFFERENT,
    /** Nothing observable says (restarts, reloads, commands). */
    UNKNOWN
}
