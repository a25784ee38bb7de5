package dev.nodefix.bound;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * When the evaluation running on this thread must give up: after it has used its budget of the thread's own CPU
 * time. Checked where an evaluation could take long (each character a regular expression reads), so a pattern
 * that backtracks without end fails with a message instead of hanging the run.
 *
 * <p>CPU time, not wall time: on a loaded controller (a fan-out of 50 threads on two cores, another run beside it)
 * a thread can wait seconds for a core, and a wall-clock budget then stops an ordinary pattern that is merely
 * waiting its turn. The cheap wall clock is read on every check; only when it passes the budget is the thread's
 * CPU time asked (one system call), and a thread that used less than its budget gets the rest as new wall time.
 * Where the JVM cannot measure thread CPU time, or another thread checks, the budget is wall time.
 */
public final class Deadline {
    private final Duration budget;
    private final Thread owner;
    private final long cpuStart;
    private long wallDeadline;

    private Deadline(Duration budget, Thread owner, long cpuStart, long wallDeadline) {
        this.budget = budget;
        this.owner = owner;
        this.cpuStart = cpuStart;
        this.wallDeadline = wallDeadline;
    }

    /** A budget of {@code budget} of this thread's CPU time, starting now. */
    public static Deadline after(Duration budget) {
        return new Deadline(budget, Thread.currentThread(), threadCpu(), System.nanoTime() + budget.toNanos());
    }

    public Duration budget() {
        return budget;
    }

    /** Fails with {@link Exceeded} once the budget is used up or the thread was interrupted. */
    public void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Exceeded("was interrupted and stopped");
        }
        long now = System.nanoTime();
        if (now - wallDeadline <= 0) {
            return;
        }
        long cpuNow = Thread.currentThread() == owner ? threadCpu() : -1;
        long left = cpuStart < 0 || cpuNow < 0 ? 0 : budget.toNanos() - (cpuNow - cpuStart);
        if (left <= 0) {
            throw new Exceeded(budget);
        }
        wallDeadline = now + left; // the thread waited for a core: what it has not used, it may still use
    }

    /** The current thread's CPU time in nanoseconds, or -1 where the JVM cannot tell. */
    private static long threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    /** An evaluation went over its budget; each caller names what it was evaluating. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Exceeded(Duration budget) {
            this("used more than " + budget.toMillis() + " ms of CPU time and was stopped (a regular expression"
                    + " that backtracks without end, such as (a*)*b, does this)");
        }

        private Exceeded(String message) {
            super(message, null, false, false);
        }
    }
}
