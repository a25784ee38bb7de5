package dev.nodefix.engine;

import dev.nodefix.inventory.Host;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.TransportException;
import java.time.Duration;

/** What happened on one host when a command was run there. */
public sealed interface HostRun {
    Host host();

    /** The command ran to its end; its exit code may still be non-zero. */
    record Completed(Host host, CommandResult result) implements HostRun {}

    /** The host could not be reached or the connection broke (host key, auth, refused, timeout, dropped...). */
    record Unreachable(Host host, TransportException error) implements HostRun {}

    /** The host was reached but the command did not finish (command timeout), or nodefix itself failed. */
    record Errored(Host host, String failure, String message) implements HostRun {}

    default boolean ok() {
        return this instanceof Completed c && c.result().ok();
    }

    default Duration elapsed() {
        return this instanceof Completed c ? c.result().elapsed() : Duration.ZERO;
    }
}
