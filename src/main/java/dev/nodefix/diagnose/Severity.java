package dev.nodefix.diagnose;

import java.util.Locale;

/** How urgent a finding is. */
public enum Severity {
    CRITICAL, WARNING, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
