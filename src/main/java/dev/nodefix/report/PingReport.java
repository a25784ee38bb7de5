package dev.nodefix.report;

import dev.nodefix.engine.HostRun;
import dev.nodefix.engine.RunSummary;
import java.io.PrintWriter;
import java.util.List;

/** Human output of {@code nodefix ping}: one line per host, naming the failure class when it failed. */
public final class PingReport implements RunReport {
    private final Style style;

    public PingReport(Style style) {
        this.style = style;
    }

    @Override
    public void print(PrintWriter out, List<HostRun> runs, RunSummary summary) {
        for (HostRun run : runs) {
            out.println(line(run));
        }
        out.println(new AdHocReport(style).summaryLine(summary));
        out.flush();
    }

    String line(HostRun run) {
        String name = UntrustedText.name(run.host().name());
        if (run instanceof HostRun.Completed c && c.result().ok()) {
            return name + " | " + style.ok("pong");
        }
        if (run instanceof HostRun.Completed c) {
            return name + " | " + style.failed("FAILED") + " | `true` exited " + c.result().exitCode()
                    + firstLine(c.result().stderr());
        }
        if (run instanceof HostRun.Unreachable u) {
            return name + " | " + style.unreachable("UNREACHABLE") + " | " + u.error().failure().label() + " | "
                    + UntrustedText.name(u.error().getMessage());
        }
        HostRun.Errored e = (HostRun.Errored) run;
        return name + " | " + style.failed("FAILED") + " | " + e.failure() + " | "
                + UntrustedText.name(e.message());
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? "" : ": " + UntrustedText.name(trimmed.lines().findFirst().orElse(""));
    }
}
