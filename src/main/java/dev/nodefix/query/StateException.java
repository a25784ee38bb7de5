package dev.nodefix.query;

/** Node state could not be read or made sense of (a file nodefix can't read, output it does not understand). */
public final class StateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StateException(String message) {
        super(message);
    }
}
