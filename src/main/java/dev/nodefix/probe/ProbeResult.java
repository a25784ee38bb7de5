package dev.nodefix.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@link ProbeScript} printed on one node, parsed: the connects and the InCsumErrors counter around them. */
public record ProbeResult(List<Connect> connects, Optional<Long> csumBefore, Optional<Long> csumAfter) {
    private static final int CURL_TIMEOUT = 28;
    private static final int TIMEOUT_EXPIRED = 124;

    public ProbeResult {
        connects = List.copyOf(connects);
    }

    public Optional<Long> csumDelta() {
        return csumBefore.flatMap(b -> csumAfter.map(a -> a - b));
    }

    public static ProbeResult parse(String stdout) {
        List<Connect> connects = new ArrayList<>();
        Optional<Long> before = Optional.empty();
        Optional<Long> after = Optional.empty();
        for (String line : stdout.split("\n")) {
            String[] w = line.strip().split("\\s+");
            if (w[0].equals("csum-before")) {
                before = number(w);
            } else if (w[0].equals("csum-after")) {
                after = number(w);
            } else if (w[0].equals("connect") && w.length >= 4) {
                connects.add(connect(w));
            }
        }
        return new ProbeResult(connects, before, after);
    }

    private static Optional<Long> number(String[] words) {
        return words.length > 1 && words[1].matches("\\d{1,18}") ? Optional.of(Long.parseLong(words[1]))
                : Optional.empty();
    }

    private static Connect connect(String[] w) {
        ProbeTarget target = ProbeTarget.parse(w[1]);
        String tool = w[2];
        int rc = w[3].matches("\\d{1,3}") ? Integer.parseInt(w[3]) : -1;
        String value = w.length > 4 ? w[4] : "";
        String detail = tool + " exit " + rc + (value.isEmpty() ? "" : ", " + value);
        if (tool.equals("none")) {
            return new Connect(target, tool, Connect.Outcome.NO_TOOL, Optional.empty(), "neither curl nor nc on the node");
        }
        Optional<Double> ms = millis(tool, value);
        boolean connected = tool.equals("curl") ? ms.map(m -> m > 0).orElse(false) : rc == 0;
        boolean stalled = tool.equals("curl") ? rc == CURL_TIMEOUT && !connected : rc == TIMEOUT_EXPIRED;
        Connect.Outcome outcome = connected ? Connect.Outcome.CONNECTED
                : stalled ? Connect.Outcome.STALLED : Connect.Outcome.FAILED;
        return new Connect(target, tool, outcome, connected ? ms : Optional.empty(), detail);
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
