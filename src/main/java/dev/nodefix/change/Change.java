package dev.nodefix.change;

import dev.nodefix.query.Query;
import dev.nodefix.transport.Command;
import java.util.Optional;

/**
 * One mutation of one node, as a value: what it does ({@link #command()}), how it reads to a human, its diff,
 * and its inverse. A plan is a list of these; the journal records them with their before-image, and rollback
 * applies their inverses. Changes are pure values: nothing here touches a node.
 */
public sealed interface Change
        permits FileChange, OffloadChange, UnitEnablementChange, ServiceChange, DaemonReload, UdevTrigger,
        CommandChange, K3sRestart, DirectoryChange {

    /** One line for plans and reports, e.g. {@code flannel.1: tx-checksum-ip-generic on -> off}. */
    String describe();

    /** A unified diff when there is one to show (file content, mode, owner). */
    default Optional<String> diff() {
        return Optional.empty();
    }

    /** The change that undoes this one; empty when it cannot be undone (rollback says so before it starts). */
    Optional<Change> inverse();

    /**
     * Whether this change only brings running state in line with what the changes before it wrote (a
     * daemon-reload, a restart). On rollback a trigger runs again after the inverses of its task's other
     * changes, and only if one of them was actually undone.
     */
    default boolean trigger() {
        return false;
    }

    /** The command that applies this change on the node (with become added by the executor). */
    Command command();

    /** The node state that tells whether this change is in place; empty when nothing can tell. */
    default Optional<Query> observes() {
        return Optional.empty();
    }

    /** Where the observed state (the value read for {@link #observes()}) stands relative to this change. */
    default Landing landing(Object observed) {
        return Landing.UNKNOWN;
    }

    /** The wait the command makes on the node after acting (a unit to be active), for a progress line. */
    default Optional<dev.nodefix.query.Waiting> waits() {
        return Optional.empty();
    }

    /** Kind name used in the journal and JSON output, e.g. {@code file}. */
    String kind();
}
