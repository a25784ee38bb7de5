package dev.nodefix.engine;

import dev.nodefix.query.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a command that waits on the node (a restart until the unit is active, {@code wait_for}) while a thread of
 * its own tells a {@link WaitWatch}, every {@link #EVERY}, how long it has waited: a wait shorter than that says
 * nothing. The telling ends before the command's result is returned, so no line follows it.
 */
public final class WaitTicker {
    /** How often a wait that goes on is told (as the health gate's). */
    public static final Duration EVERY = Duration.ofSeconds(5);

    /** Waits between two tellings; interrupted when the command ends. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    private final Duration every;
    private final InstantSource clock;
    private final Pause pause;

    public WaitTicker(Duration every, InstantSource clock, Pause pause) {
        this.every = every;
        this.clock = clock;
        this.pause = pause;
    }

    /** Every {@link #EVERY} of the system clock. */
    public static WaitTicker real() {
        return new WaitTicker(EVERY, InstantSource.system(), d -> Thread.sleep(d.toMillis()));
    }

    /** {@code work}'s result; while it runs, {@code watch} is told of {@code wait} on {@code host}, if there is one. */
    public <T> T during(Optional<Waiting> wait, String host, WaitWatch watch, Supplier<T> work) {
        if (wait.isEmpty() || watch == WaitWatch.NONE) {
            return work.get();
        }
        String what = wait.get().what() + " on " + host;
        Instant start = clock.instant();
        Thread ticker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    pause.pause(every);
                    watch.waiting(what, Duration.between(start, clock.instant()), wait.get().limit());
                }
            } catch (InterruptedException e) {
                // the command ended
            }
        }, "nodefix-wait-" + host);
        ticker.setDaemon(true);
        ticker.start();
        try {
            return work.get();
        } finally {
            ticker.interrupt();
            joinQuietly(ticker);
        }
    }

    /** Waits for the ticker to end (it is interrupted); an interrupt of this thread is kept for its caller. */
    private static void joinQuietly(Thread ticker) {
        boolean interrupted = false;
        while (ticker.isAlive()) {
            try {
                ticker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
