package dev.nodefix.shell;

import dev.nodefix.report.ExitCode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.jline.terminal.Terminal;

/**
 * Runs a command on a worker thread while Ctrl-C (SIGINT from the terminal) interrupts that thread. The engine
 * stops waiting for hosts when interrupted: hosts not finished yet are reported as interrupted, and the command
 * ends as it would with those hosts failed. What a node already started goes on there until it ends or its
 * timeout: interrupting does not kill remote processes. A command that has not stopped a few seconds after Ctrl-C
 * is abandoned: the prompt comes back and its further output is dropped.
 */
final class InterruptibleRunner implements CommandRunner {
    /** The exit code of a command abandoned after Ctrl-C, as a shell reports SIGINT. */
    static final int INTERRUPTED = 130;
    static final Duration GRACE = Duration.ofSeconds(5);

    private final Terminal terminal;
    private final PrintWriter err;
    private final long graceNanos;
    private final java.util.List<Thread> abandoned = new java.util.concurrent.CopyOnWriteArrayList<>();

    InterruptibleRunner(Terminal terminal, PrintWriter err) {
        this(terminal, err, GRACE);
    }

    /** @param grace how long after Ctrl-C the shell waits for the command before abandoning it */
    InterruptibleRunner(Terminal terminal, PrintWriter err, Duration grace) {
        this.terminal = terminal;
        this.err = err;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public int run(IntSupplier command, Runnable abandon) {
        AtomicInteger result = new AtomicInteger(ExitCode.USAGE);
        Thread worker = new Thread(() -> result.set(command.getAsInt()), "nodefix-shell-command");
        worker.setDaemon(true);
        AtomicLong interruptedAt = new AtomicLong();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
            if (interruptedAt.compareAndSet(0, System.nanoTime())) {
                err.println("^C interrupting: hosts not finished yet are given up (remote commands already started"
                        + " run on there)");
                err.flush();
            }
            worker.interrupt();
        });
        try {
            worker.start();
            return await(worker, result, interruptedAt, abandon);
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    private int await(Thread worker, AtomicInteger result, AtomicLong interruptedAt, Runnable abandon) {
        try {
            while (true) {
                worker.join(100);
                if (!worker.isAlive()) {
                    return result.get();
                }
                long at = interruptedAt.get();
                if (at != 0 && System.nanoTime() - at > graceNanos) {
                    abandoned.add(worker);
                    abandon.run();
                    err.println("the command did not stop; it is left to finish in the background, its output dropped");
                    err.flush();
                    return INTERRUPTED;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            abandoned.add(worker);
            abandon.run();
            return INTERRUPTED;
        }
    }

    /**
     * Before the shell leaves: waits (up to {@code limit}) for commands abandoned after Ctrl-C, so leaving does
     * not kill one in the middle of a change (its node would stay locked, its journal unfinished).
     */
    void finish(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread t : abandoned) {
            if (!t.isAlive()) {
                continue;
            }
            err.println("waiting for a command abandoned after Ctrl-C to finish (at most " + limit.toSeconds() + " s)");
            err.flush();
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                err.println("it is still running: leaving now may leave its nodes locked (see nodefix runs, --break-lock)");
                err.flush();
            }
        }
    }
}
