package dev.nodefix.journal;

/** Which journal a rollback trusts when the controller's and the nodes' disagree or one is damaged ({@code --force=...}). */
public enum Evidence {
    /** This machine's journal ({@code journal.jsonl}). */
    CONTROLLER,
    /** The nodes' own journals ({@code /var/lib/nodefix/runs/RUN.journal}). */
    NODES;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
