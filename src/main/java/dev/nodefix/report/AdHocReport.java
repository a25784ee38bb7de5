package dev.nodefix.report;

import dev.nodefix.engine.HostRun;
import dev.nodefix.engine.RunSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Human output of {@code nodefix run}: each host's output grouped under a header, then one summary line. */
public final class AdHocReport implements RunReport {
    private final Style style;

    public AdHocReport(Style style) {
        this.style = style;
    }

    @Override
    public void print(PrintWriter out, List<HostRun> runs, RunSummary summary) {
        for (HostRun run : runs) {
            printHost(out, run);
        }
        out.println(summaryLine(summary));
        out.flush();
    }

    private void printHost(PrintWriter out, HostRun run) {
        String name = UntrustedText.name(run.host().name());
        if (run instanceof HostRun.Completed c) {
            int rc = c.result().exitCode();
            String status = rc == 0 ? style.ok("ok") : style.failed("FAILED");
            out.println(name + " | " + status + " | rc=" + rc + " >>");
            printBlock(out, c.result().stdout(), "");
            printBlock(out, c.result().stderr(), style.dim("stderr| "));
        } else if (run instanceof HostRun.Unreachable u) {
            out.println(name + " | " + style.unreachable("UNREACHABLE") + " | " + u.error().failure().label()
                    + ": " + UntrustedText.name(u.error().getMessage()));
        } else if (run instanceof HostRun.Errored e) {
            out.println(name + " | " + style.failed("FAILED") + " | " + e.failure()
                    + ": " + UntrustedText.name(e.message()));
        }
    }

    private static void printBlock(PrintWriter out, String text, String prefix) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (body.isEmpty()) {
            return;
        }
        for (String line : body.split("\n", -1)) {
            out.println(prefix + UntrustedText.output(line));
        }
    }

    public String summaryLine(RunSummary s) {
        return String.format(Locale.ROOT, "%d %s: %s, %s, %s in %.2fs", s.hosts(), s.hosts() == 1 ? "host" : "hosts",
                style.ok(s.ok() + " ok"),
                s.failed() > 0 ? style.failed(s.failed() + " failed") : "0 failed",
                s.unreachable() > 0 ? style.unreachable(s.unreachable() + " unreachable") : "0 unreachable",
                s.elapsed().toMillis() / 1000.0);
    }
}
