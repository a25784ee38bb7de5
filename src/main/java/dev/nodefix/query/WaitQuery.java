package dev.nodefix.query;

import java.time.Duration;
import java.util.Objects;

/**
 * Polls the node every 0.2 s until {@code condition} holds or {@code timeout} passes, then prints
 * {@code met MS} or {@code timeout MS} (milliseconds since it started). Read right before a wait_for task is
 * planned, so the read itself is the wait; the state read's command must allow {@link #budget()}.
 */
public record WaitQuery(WaitCondition condition, Duration timeout) implements Query {
    public WaitQuery {
        Objects.requireNonNull(condition, "condition");
        if (timeout.isNegative() || timeout.toSeconds() > 86_400) {
            throw new IllegalArgumentException("timeout must be 0 s to 1 day: " + timeout);
        }
    }

    @Override
    public String script() {
        return "now() { date +%s%N; }; t0=$(now); limit=" + timeout.toMillis() + "\n"
                + "while :; do\n"
                + "  ms=$(( ($(now) - t0) / 1000000 ))\n"
                + "  if " + condition.test() + "; then echo \"met $ms\"; exit 0; fi\n"
                + "  if [ \"$ms\" -ge \"$limit\" ]; then echo \"timeout $ms\"; exit 0; fi\n"
                + "  sleep 0.2 2>/dev/null || sleep 1\n"
                + "done";
    }

    @Override
    public WaitState parse(String output, int exitCode) {
        return WaitState.parse(condition, output, exitCode);
    }

    /** How long reading this query may take: the timeout plus a margin for the last test. */
    @Override
    public Duration budget() {
        return timeout.plusSeconds(5);
    }

    @Override
    public java.util.Optional<Waiting> waits() {
        return java.util.Optional.of(new Waiting(condition.awaited(), timeout));
    }

    /** This query's value in {@code state}. */
    public WaitState in(NodeState state) {
        return QueryValues.get(state, this, WaitState.class);
    }
}
