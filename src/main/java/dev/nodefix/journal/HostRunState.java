package dev.nodefix.journal;

/** How one run stands on one host, as that node's own journals tell it ({@code runs --from-nodes}). */
public enum HostRunState {
    /** A change of the run is still running on the node (its process is alive). */
    IN_FLIGHT("in flight"),
    /** The run stopped between a change's intent and its outcome there: that change may or may not have landed. */
    UNFINISHED("unfinished"),
    /** A rollback run: a change failed. */
    FAILED("failed"),
    /** Finished; for an applying run nothing of it is undone yet. */
    DONE("done"),
    /** An applying run some of whose changes there a rollback undid, not all. */
    PARTLY("partly rolled back"),
    /** An applying run every change of which there that could be undone was undone by a rollback of it. */
    ROLLED_BACK("rolled back"),
    /** An applying run that changed nothing there that can be undone. */
    NOTHING_TO_UNDO("nothing to undo");

    private final String label;

    HostRunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** For {@code --json}: {@code in_flight}, {@code rolled_back}... */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** An applying run in this state on a host still has something there for {@code rollback --last} to undo. */
    public boolean open() {
        return this == IN_FLIGHT || this == UNFINISHED || this == DONE || this == PARTLY;
    }
}
