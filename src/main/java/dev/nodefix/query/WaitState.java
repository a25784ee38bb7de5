package dev.nodefix.query;

import java.time.Duration;
import java.util.Objects;

/** What a {@link WaitQuery} saw: whether the condition came to hold, and after how long. */
public record WaitState(WaitCondition condition, boolean met, Duration waited) {
    public WaitState {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(waited, "waited");
    }

    static WaitState parse(WaitCondition condition, String output, int exitCode) {
        String[] w = output.strip().split("\\s+");
        if (exitCode != 0 || w.length != 2 || !w[0].matches("met|timeout") || !w[1].matches("-?\\d{1,12}")) {
            throw new StateException("waiting for " + condition.describe() + ": unexpected output (exit " + exitCode
                    + "): " + output.strip());
        }
        return new WaitState(condition, w[0].equals("met"), Duration.ofMillis(Math.max(0, Long.parseLong(w[1]))));
    }
}
