package dev.nodefix.transport;

/**
 * An open connection to one host. Every command of a run goes through the same connection
 * (a new session channel per command). Safe to use from one thread at a time.
 */
public interface Transport extends AutoCloseable {
    /** The inventory name of the host this connection reaches. */
    String host();

    /**
     * Runs a command and waits for it. A non-zero exit code is a result, not an exception.
     *
     * @throws TransportException the connection broke, or the command outlived its timeout
     */
    CommandResult execute(Command command);

    @Override
    void close();
}
