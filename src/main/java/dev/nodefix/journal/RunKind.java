package dev.nodefix.journal;

/** What a run did: applied changes, or rolled back another run. */
public enum RunKind {
    APPLY, ROLLBACK;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RunKind of(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
}
