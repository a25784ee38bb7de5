package dev.nodefix.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.change.Change;
import dev.nodefix.engine.HostPlan;
import dev.nodefix.engine.HostResult;
import dev.nodefix.engine.TaskPlan;
import dev.nodefix.engine.TaskResult;
import dev.nodefix.module.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JSON of a changing run: the plan (check) or the results, with the run id when one was recorded. */
public final class ChangeJson {
    /** The hosts of a run that did not finish, and the command line that runs it again on them ({@code --limit @RUN}). */
    public record Retry(List<String> hosts, String command) {
        public Retry {
            hosts = List.copyOf(hosts);
            java.util.Objects.requireNonNull(command, "command");
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hosts", hosts);
            m.put("command", command);
            return m;
        }
    }

    public String plan(List<HostPlan> plans) {
        Map<String, Object> hosts = new LinkedHashMap<>();
        for (HostPlan hp : plans) {
            Map<String, Object> h = new LinkedHashMap<>();
            if (!hp.planned()) {
                h.put("status", hp.unreachable() ? "unreachable" : "failed");
                h.put("message", hp.error());
            } else {
                List<Object> tasks = new ArrayList<>();
                hp.plans().forEach(tp -> tasks.add(task(tp)));
                h.put("tasks", tasks);
            }
            hosts.put(hp.host(), h);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("check", true);
        root.put("hosts", hosts);
        return write(root);
    }

    public String results(Optional<String> run, List<HostResult> results) {
        return results(run, results, Optional.empty());
    }

    /** @param retry the hosts that did not finish and the command that retries them, when there are such hosts */
    public String results(Optional<String> run, List<HostResult> results, Optional<Retry> retry) {
        return results(run, results, retry, Optional.empty());
    }

    /** @param stopped why no further batch ran (a health gate failed), when one did not */
    public String results(Optional<String> run, List<HostResult> results, Optional<Retry> retry,
                          Optional<String> stopped) {
        Map<String, Object> hosts = new LinkedHashMap<>();
        for (HostResult r : results) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("status", r.status().label());
            if (!r.message().isEmpty()) {
                h.put("message", r.message());
            }
            List<Object> tasks = new ArrayList<>();
            for (TaskResult t : r.tasks()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("task", t.name());
                m.put("outcome", t.outcome().label());
                m.put("detail", t.detail());
                m.put("changes", t.changes().stream().map(Change::describe).toList());
                tasks.add(m);
            }
            h.put("tasks", tasks);
            hosts.put(r.host(), h);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("run", run.orElse(null));
        root.put("hosts", hosts);
        retry.ifPresent(r -> root.put("retry", r.toMap()));
        stopped.ifPresent(s -> root.put("stopped", s));
        return write(root);
    }

    private static Map<String, Object> task(TaskPlan tp) {
        Map<String, Object> m = new LinkedHashMap<>();
        Plan p = tp.plan();
        m.put("plan", p instanceof Plan.NoOp ? "ok" : p instanceof Plan.Refused ? "refused" : "change");
        if (p instanceof Plan.NoOp n) {
            m.put("reason", n.reason());
        } else if (p instanceof Plan.Refused r) {
            m.put("reason", r.reason());
        }
        m.put("changes", p.changeList().stream().map(Change::describe).toList());
        m.put("notes", tp.notes());
        return m;
    }

    private static String write(Map<String, Object> root) {
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES).asString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
