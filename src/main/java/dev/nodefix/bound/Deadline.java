package dev.nodefix.bound;

import java.time.Duration;

/**
 * When the evaluation running on this thread must give up: a point on {@link System#nanoTime()}'s scale. Checked
 * where an evaluation could take long (each character a regular expression reads), so a pattern that backtracks
 * without end fails with a message instead of hanging the run.
 */
public record Deadline(long nanos, Duration budget) {
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** Fails with {@link Exceeded} once the deadline has passed or the thread was interrupted. */
    public void check() {
        if (System.nanoTime() - nanos > 0 || Thread.currentThread().isInterrupted()) {
            throw new Exceeded(budget);
        }
    }

    /** An evaluation went over its budget; each caller names what it was evaluating. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Exceeded(Duration budget) {
            super("took longer than " + budget.toMillis() + " ms and was stopped (a regular expression that"
                    + " backtracks without end, such as (a*)*b, does this)", null, false, false);
        }
    }
}
