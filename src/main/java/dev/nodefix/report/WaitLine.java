package dev.nodefix.report;

import java.time.Duration;

/** The line a long wait prints on stderr while it goes on, e.g. {@code waiting for labn02 NotReady to be Ready (35 s of 120 s)}. */
public final class WaitLine {
    private WaitLine() {}

    public static String of(String what, Duration waited, Duration limit) {
        return "waiting for " + UntrustedText.name(what) + " (" + waited.toSeconds() + " s of " + limit.toSeconds() + " s)";
    }
}
