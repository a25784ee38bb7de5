package dev.nodefix.report;

import dev.nodefix.engine.HostRun;
import dev.nodefix.engine.RunSummary;
import dev.nodefix.transport.FailureClass;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --json} output of {@code ping} and of {@code run -a} (docs/json.md, docs/schema/ping.schema.json): per
 * host its status, exit code, output and time (null when the command did not run) or why it did not run (null
 * when it ran), then totals.
 */
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
        Map<String, Object> root = JsonDocument.root();
        root.put("hosts", hosts);
        root.put("summary", totals);
        return JsonDocument.write(root);
    }

    /** A failed command's failure in the same words as an unreachable host's: {@code command_timeout}, {@code internal_error}. */
    private static String failure(String label) {
        return Arrays.stream(FailureClass.values()).filter(f -> f.label().equals(label)).findFirst()
                .map(f -> f.name().toLowerCase(Locale.ROOT)).orElse(label.replace(' ', '_'));
    }

    private static Map<String, Object> host(HostRun run) {
        Map<String, Object> h = new LinkedHashMap<>();
        if (run instanceof HostRun.Completed c) {
            h.put("status", c.result().ok() ? "ok" : "failed");
            h.put("rc", c.result().exitCode());
            h.put("stdout", c.result().stdout());
            h.put("stderr", c.result().stderr());
            h.put("elapsed_ms", c.result().elapsed().toMillis());
            h.put("failure", null);
            h.put("message", null);
        } else {
            h.put("status", run instanceof HostRun.Unreachable ? "unreachable" : "failed");
            h.put("rc", null);
            h.put("stdout", null);
            h.put("stderr", null);
            h.put("elapsed_ms", null);
            if (run instanceof HostRun.Unreachable u) {
                h.put("failure", u.error().failure().name().toLowerCase(Locale.ROOT));
                h.put("message", u.error().getMessage());
            } else if (run instanceof HostRun.Errored e) {
                h.put("failure", failure(e.failure()));
                h.put("message", e.message());
            }
        }
        return h;
    }
}
