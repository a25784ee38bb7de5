package dev.nodefix.transport;

import java.util.Objects;

/** A failure to reach a host or to run a command on it, with the host and the failure class. */
public final class TransportException extends RuntimeException {
    private final String host;
    private final FailureClass failure;

    public TransportException(String host, FailureClass failure, String message, Throwable cause) {
        super(message, cause);
        this.host = Objects.requireNonNull(host, "host");
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public TransportException(String host, FailureClass failure, String message) {
        this(host, failure, message, null);
    }

    public String host() {
        return host;
    }

    public FailureClass failure() {
        return failure;
    }
}
