package dev.nodefix.transport;

import java.time.Duration;
import java.util.Objects;

/** What a command left behind: its exit code, its output streams (UTF-8) and how long it took. */
public record CommandResult(int exitCode, String stdout, String stderr, Duration elapsed) {
    public CommandResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public boolean ok() {
        return exitCode == 0;
    }
}
