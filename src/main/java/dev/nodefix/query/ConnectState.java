package dev.nodefix.query;

import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link ConnectQuery} found: connected (with the connect time), stalled (no answer within the
 * timeout: what a dropped SYN looks like), failed at once (refused, no route, no such host) or no tool to try.
 *
 * @param detail the tool, its exit code and what it printed, for evidence
 */
public record ConnectState(String target, Outcome outcome, Optional<Double> millis, String detail) {
    private static final int CURL_TIMEOUT = 28;
    private static final int TIMEOUT_EXPIRED = 124;

    public enum Outcome { CONNECTED, STALLED, FAILED, NO_TOOL }

    public ConnectState {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(millis, "millis");
        Objects.requireNonNull(detail, "detail");
    }

    static ConnectState parse(ConnectQuery query, String output) {
        String[] w = output.strip().split("\\s+");
        if (w.length < 2 || !w[1].matches("\\d{1,3}")) {
            throw new StateException("unexpected connect output for " + query.target() + ": " + output.strip());
        }
        String tool = w[0];
        int rc = Integer.parseInt(w[1]);
        String value = w.length > 2 ? w[2] : "";
        String detail = tool + " exit " + rc + (value.isEmpty() ? "" : ", " + value);
        if (tool.equals("none")) {
            return new ConnectState(query.target(), Outcome.NO_TOOL, Optional.empty(), "neither curl nor nc on the node");
        }
        Optional<Double> ms = millis(tool, value);
        boolean connected = tool.equals("curl") ? ms.map(m -> m > 0).orElse(false) : rc == 0;
        boolean stalled = tool.equals("curl") ? rc == CURL_TIMEOUT : rc == TIMEOUT_EXPIRED;
        Outcome outcome = connected ? Outcome.CONNECTED : stalled ? Outcome.STALLED : Outcome.FAILED;
        return new ConnectState(query.target(), outcome, connected ? ms : Optional.empty(), detail);
    }

    /** curl prints seconds ({@code 0.001234}); the nc branch prints microseconds ({@code 1234us}). */
    private static Optional<Double> millis(String tool, String value) {
        if (tool.equals("curl") && value.matches("\\d+(\\.\\d+)?")) {
            return Optional.of(Double.parseDouble(value) * 1000);
        }
        if (value.matches("\\d{1,15}us")) {
            return Optional.of(Long.parseLong(value.substring(0, value.length() - 2)) / 1000.0);
        }
        return Optional.empty();
    }
}
