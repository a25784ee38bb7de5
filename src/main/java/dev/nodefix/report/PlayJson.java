package dev.nodefix.report;

import dev.nodefix.executor.TaskLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The play document (docs/json.md, docs/schema/play.schema.json) that {@code play}, {@code run -m} and
 * {@code rollback} print under {@code --json}: every task line (play, task number and name, host, status, detail, changes
 * with their diffs), the recap per host, the run id and the rollback command when a run was recorded, and why
 * the run stopped early, and the hosts to retry with their command ({@code retry}, null when none is offered).
 */
public final class PlayJson {
    /** What a run (or a check) ended with, beside its lines. */
    public record Outcome(String playbook, boolean check, Optional<String> run, Optional<String> rollback,
                          Optional<String> stopped, Optional<dev.nodefix.workflow.Retry> retry) {
        public Outcome(String playbook, boolean check, Optional<String> run, Optional<String> rollback,
                       Optional<String> stopped) {
            this(playbook, check, run, rollback, stopped, Optional.empty());
        }
    }

    public String of(Outcome outcome, List<String> plays, List<TaskLine> lines) {
        Map<String, Object> root = JsonDocument.root();
        root.put("playbook", outcome.playbook());
        root.put("check", outcome.check());
        root.put("run", outcome.run().orElse(null));
        root.put("plays", plays);
        root.put("tasks", PlayText.sorted(lines).stream().map(PlayJson::line).toList());
        Map<String, Object> recap = new LinkedHashMap<>();
        PlayRecap.of(lines).forEach(r -> recap.put(r.host(), r.toMap()));
        root.put("recap", recap);
        root.put("stopped", outcome.stopped().orElse(null));
        root.put("rollback", outcome.rollback().orElse(null));
        root.put("retry", outcome.retry().map(r -> {
            Map<String, Object> retry = new LinkedHashMap<>();
            retry.put("hosts", r.hosts());
            retry.put("command", r.command());
            return retry;
        }).orElse(null));
        return JsonDocument.write(root);
    }

    private static Map<String, Object> line(TaskLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("play", l.play());
        m.put("task", l.number());
        m.put("name", l.title());
        m.put("host", l.host());
        m.put("status", l.status().label());
        m.put("ignored", l.ignored());
        m.put("handler", l.handler());
        m.put("detail", l.detail());
        m.put("changes", l.changes().stream().map(ChangeJson::of).toList());
        m.put("notes", l.notes());
        return m;
    }

}
