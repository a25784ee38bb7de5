package dev.nodefix.playbook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A playbook's model as indented text, one fact a line, for review and golden tests. */
final class PlaybookOutline {
    private final StringBuilder out = new StringBuilder();

    private PlaybookOutline() {}

    static String of(Playbook playbook) {
        PlaybookOutline outline = new PlaybookOutline();
        playbook.plays().forEach(outline::play);
        return outline.out.toString();
    }

    private void play(Play play) {
        line(0, "play: " + play.name());
        line(1, "hosts: " + play.hosts());
        if (!play.vars().isEmpty()) {
            line(1, "vars: " + map(play.vars()));
        }
        line(1, "serial: " + play.serial() + ", order: " + play.order().yamlName()
                + play.maxFailPercentage().map(p -> ", max_fail_percentage: " + p).orElse("")
                + (play.anyErrorsFatal() ? ", any_errors_fatal" : "") + (play.gatherFacts() ? "" : ", no facts")
                + play.become().map(b -> ", become: " + b).orElse(""));
        play.tasks().forEach(t -> task("task", t));
        play.handlers().forEach(t -> task("handler", t));
    }

    private void task(String kind, PlayTask task) {
        line(1, kind + ": " + task.title() + " (line " + task.location().line() + ")");
        line(2, task.module() + ": " + map(task.args()));
        list("when", task.when());
        task.register().ifPresent(r -> line(2, "register: " + r));
        list("notify", task.notifies());
        if (task.retries() > 0) {
            line(2, "retries: " + task.retries() + ", delay: " + seconds(task) + task.until().map(u -> ", until: " + u)
                    .orElse(""));
        }
        list("tags", task.tags());
        task.become().ifPresent(b -> line(2, "become: " + b));
        if (task.ignoreErrors()) {
            line(2, "ignore_errors: true");
        }
        list("changed_when", task.changedWhen());
        list("failed_when", task.failedWhen());
    }

    private static String seconds(PlayTask task) {
        long ms = task.delay().toMillis();
        return (ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0)) + "s";
    }

    private void list(String key, List<String> values) {
        if (!values.isEmpty()) {
            line(2, key + ": " + String.join(" | ", values));
        }
    }

    private static String map(Map<String, ?> map) {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + value(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String value(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + "=" + value(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(PlaybookOutline::value).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof String s) {
            return "'" + s.replace("\n", "\\n") + "'";
        }
        return String.valueOf(Optional.ofNullable(v).orElse("null"));
    }

    private void line(int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }
}
