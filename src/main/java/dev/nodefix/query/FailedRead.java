package dev.nodefix.query;

import java.util.Objects;

/**
 * A query read ahead of need whose read failed ({@link StateReader#parseEach}): kept in place of its value, so
 * the failure is the failure of whatever reads the query later, as if read then, and of nothing else.
 *
 * @param message what a {@link StateException} of the read said
 */
public record FailedRead(String message) {
    public FailedRead {
        Objects.requireNonNull(message, "message");
    }

    /** The failure, thrown by whoever needs the value. */
    public StateException error() {
        return new StateException(message);
    }

    /** The value itself, or its failure thrown. */
    public static Object valueOf(Object read) {
        if (read instanceof FailedRead failed) {
            throw failed.error();
        }
        return read;
    }
}
