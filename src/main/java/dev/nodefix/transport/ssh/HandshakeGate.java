package dev.nodefix.transport.ssh;

import dev.nodefix.transport.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.DoubleSupplier;

/**
 * What paces one factory's handshakes: at most {@code limit} in flight at once (jump hosts' included, first come
 * first served; a permit covers TCP, banner, key exchange and authentication, never a prompt or the wait before a
 * retry), and the {@link RetryPolicy} for handshakes an overloaded server dropped. The sleeper and the jitter are
 * handed in so tests need not wait.
 */
final class HandshakeGate {
    /** Waits between tries. */
    interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    /** A held place among the handshakes in flight. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    static final Sleeper REAL_TIME = pause -> Thread.sleep(pause.toMillis());

    private final Semaphore permits;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    /** @param jitter numbers from 0 (inclusive) to 1 (exclusive) */
    HandshakeGate(int limit, RetryPolicy retry, Sleeper sleeper, DoubleSupplier jitter) {
        if (limit < 1) {
            throw new IllegalArgumentException("handshake limit must be at least 1: " + limit);
        }
        this.permits = new Semaphore(limit, true);
        this.retry = retry;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    /** Waits for a place; the connect timeout starts when this returns. */
    Permit enter() throws InterruptedException {
        permits.acquire();
        return permits::release;
    }

    RetryPolicy retry() {
        return retry;
    }

    /** The pause before retry {@code retry} (1-based), with fresh jitter. */
    Duration pause(int retry) {
        return this.retry.pause(retry, jitter.getAsDouble());
    }

    void sleep(Duration pause) throws InterruptedException {
        sleeper.sleep(pause);
    }
}
