package dev.nodefix.journal;

/**
 * The journal a rollback reads its changes from: the one it starts from ({@code --from-nodes} or no journal here:
 * the nodes'), or the one the user says to trust when the controller's and the nodes' disagree or one is damaged
 * ({@code --force=controller|nodes}).
 */
public enum TrustedJournal {
    /** This machine's journal ({@code journal.jsonl}). */
    CONTROLLER,
    /** The nodes' own journals ({@code /var/lib/nodefix/runs/RUN.journal}). */
    NODES;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
