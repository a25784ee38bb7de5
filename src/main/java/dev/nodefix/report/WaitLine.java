package dev.nodefix.report;

import java.time.Duration;

/**
 * The lines a long wait prints on stderr while it goes on, e.g. {@code waiting for labn02 NotReady to be Ready (35 s
 * of 120 s)}, {@code waiting for k3s.service to be active on srv1 (10 s of 30 s)}, {@code retrying check on agt1
 * (attempt 3 of 10, 12 s)}.
 */
public final class WaitLine {
    private WaitLine() {}

    /** A task's {@code until}/{@code retries} loop trying again: the attempt that starts, and the time since the first. */
    public static String retrying(String task, String host, int attempt, int attempts, Duration since) {
        return "retrying " + UntrustedText.name(task) + " on " + UntrustedText.name(host) + " (attempt " + attempt
                + " of " + attempts + ", " + since.toSeconds() + " s)";
    }

    public static String of(String what, Duration waited, Duration limit) {
        return "waiting for " + UntrustedText.name(what) + " (" + waited.toSeconds() + " s of " + limit.toSeconds() + " s)";
    }
}
