package dev.nodefix.engine;

import dev.nodefix.inventory.Host;
import dev.nodefix.transport.TransportException;
import java.time.Duration;
import java.util.Objects;

/** What a per-host task of a {@link FanOut} left: a value, a transport failure, or an unexpected crash. */
public sealed interface HostOutcome<T> {
    Host host();

    /** Time from the task's start to its end (queueing behind {@code forks} not included). */
    Duration elapsed();

    record Succeeded<T>(Host host, T value, Duration elapsed) implements HostOutcome<T> {
        public Succeeded {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /** The host could not be reached or a command on it failed at the transport level. */
    record Failed<T>(Host host, TransportException error, Duration elapsed) implements HostOutcome<T> {
        public Failed {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /** The task threw something else (a bug), or the run was interrupted before the host finished. */
    record Crashed<T>(Host host, RuntimeException error, Duration elapsed) implements HostOutcome<T> {
        public Crashed {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }
}
