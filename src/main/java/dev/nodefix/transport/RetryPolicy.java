package dev.nodefix.transport;

import java.time.Duration;

/**
 * How often a handshake that met an overloaded server is tried again, and how long to wait before each try:
 * {@code first}, doubling per retry, capped at {@code cap}, stretched by up to half again by jitter so that hosts
 * refused together (sshd's MaxStartups drops a burst at once) do not come back together.
 *
 * @param retries tries after the first (ansible.cfg's {@code [ssh_connection] retries} means the same)
 */
public record RetryPolicy(int retries, Duration first, Duration cap) {
    /** Two retries, as {@code --connect-retries} defaults to. */
    public static final int DEFAULT_RETRIES = 2;
    private static final Duration FIRST = Duration.ofMillis(500);
    private static final Duration CAP = Duration.ofSeconds(4);

    public RetryPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be at least 0: " + retries);
        }
        if (first.isNegative() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff must be 0 <= first <= cap: " + first + ", " + cap);
        }
    }

    /** {@code retries} with nodefix's schedule: 0.5 s, 1 s, 2 s, then 4 s each, plus jitter. */
    public static RetryPolicy of(int retries) {
        return new RetryPolicy(retries, FIRST, CAP);
    }

    /** 1 + retries. */
    public int attempts() {
        return retries + 1;
    }

    /**
     * The wait before retry {@code retry} (1 for the first retry): {@code min(cap, first * 2^(retry-1))}, plus
     * {@code jitter} (0 inclusive to 1 exclusive) times half of that.
     */
    public Duration pause(int retry, double jitter) {
        if (retry < 1 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("retry >= 1 and 0 <= jitter < 1: " + retry + ", " + jitter);
        }
        long capMs = cap.toMillis();
        long base = first.toMillis();
        for (int i = 1; i < retry && base < capMs; i++) {
            base *= 2;
        }
        base = Math.min(base, capMs);
        return Duration.ofMillis(base + (long) (jitter * base / 2));
    }
}
