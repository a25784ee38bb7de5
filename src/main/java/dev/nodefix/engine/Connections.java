package dev.nodefix.engine;

import dev.nodefix.inventory.Host;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import dev.nodefix.transport.TransportFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open connections of one run: each host's {@link Transport} is opened on first use and then reused
 * by every task of the run; {@link #close()} closes them all. A host that could not be reached is not
 * dialled again in the same run: later calls get the same {@link TransportException}. Thread-safe;
 * connecting to one host never waits for another. {@link #close()} waits for connects still in flight
 * (bounded by the connect timeout) and closes those too.
 */
public final class Connections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

    /**
     * How long close() waits for the disconnects in all, before leaving the rest to their daemon threads
     * (a process that exits then drops the sockets; the servers see the connection end either way).
     */
    private static final long CLOSE_WAIT_MILLIS = 1_000;

    private final TransportFactory factory;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public Connections(TransportFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** The host's connection, opened now if this is the first time. */
    public Transport get(Host host) {
        if (closed) {
            throw new IllegalStateException("connections already closed");
        }
        return slots.computeIfAbsent(host.name(), name -> new Slot()).open(host);
    }

    /**
     * Closes every connection opened so far, all at once: an SSH disconnect is a message and a wait for
     * the reader thread, ~5 ms each, which adds up to seconds over a fleet when done one after another.
     */
    @Override
    public void close() {
        closed = true;
        List<Thread> closers = new ArrayList<>();
        for (Slot slot : slots.values()) {
            Thread closer = new Thread(slot::close, "nodefix-close");
            closer.setDaemon(true);
            closer.start();
            closers.add(closer);
        }
        long deadline = System.nanoTime() + CLOSE_WAIT_MILLIS * 1_000_000;
        for (Thread closer : closers) {
            try {
                closer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One host: opened at most once, under its own lock. */
    private final class Slot {
        private Transport transport;
        private TransportException failure;
        private boolean slotClosed;

        synchronized Transport open(Host host) {
            if (slotClosed) {
                throw new IllegalStateException("connections already closed");
            }
            if (failure != null) {
                throw failure;
            }
            if (transport == null) {
                long started = System.nanoTime();
                LOG.info("{}: connecting", host.name());
                try {
                    transport = factory.connect(host);
                } catch (TransportException e) {
                    LOG.info("{}: not connected: {}", host.name(), e.getMessage());
                    failure = e;
                    throw e;
                }
                LOG.info("{}: connected in {} ms", host.name(), (System.nanoTime() - started) / 1_000_000);
            }
            return transport;
        }

        void close() {
            Transport open;
            synchronized (this) {
                slotClosed = true;
                open = transport;
            }
            if (open != null) {
                try {
                    open.close();
                } catch (RuntimeException e) {
                    LOG.debug("closing {}: {}", open.host(), e.toString());
                }
            }
        }
    }
}
