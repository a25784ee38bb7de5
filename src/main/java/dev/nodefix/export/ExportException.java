package dev.nodefix.export;

import dev.nodefix.inventory.Location;

/** A playbook that cannot be exported as it is, with the place in it that says why ({@code file:line:col: ...}). */
public final class ExportException extends RuntimeException {
    public ExportException(Location at, String message) {
        super(at + ": " + message);
    }

    public ExportException(String message) {
        super(message);
    }
}
