package dev.nodefix.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.engine.HostRun;
import dev.nodefix.engine.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --json} output of {@code ping} and {@code run}: per-host status, exit code and output, then totals. */
public final class RunJson {
    public String render(List<HostRun> runs, RunSummary summary) {
        Map<String, Object> hosts = new LinkedHashMap<>();
        for (HostRun run : runs) {
            hosts.put(run.host().name(), host(run));
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("hosts", summary.hosts());
        totals.put("ok", summary.ok());
        totals.put("failed", summary.failed());
        totals.put("unreachable", summary.unreachable());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("hosts", hosts);
        root.put("summary", totals);
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> host(HostRun run) {
        Map<String, Object> h = new LinkedHashMap<>();
        if (run instanceof HostRun.Completed c) {
            h.put("status", c.result().ok() ? "ok" : "failed");
            h.put("rc", c.result().exitCode());
            h.put("stdout", c.result().stdout());
            h.put("stderr", c.result().stderr());
            h.put("elapsed_ms", c.result().elapsed().toMillis());
        } else if (run instanceof HostRun.Unreachable u) {
            h.put("status", "unreachable");
            h.put("failure", u.error().failure().name().toLowerCase(java.util.Locale.ROOT));
            h.put("message", u.error().getMessage());
        } else if (run instanceof HostRun.Errored e) {
            h.put("status", "failed");
            h.put("failure", e.failure());
            h.put("message", e.message());
        }
        return h;
    }
}
