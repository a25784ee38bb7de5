package dev.nodefix.report;

import dev.nodefix.change.Change;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change as every {@code --json} document shows it ({@code play}, {@code run -m}, {@code rollback} and
 * {@code runs show}): {@code kind} (the journal's kind name, e.g. {@code file}), {@code describe} (the line plans
 * print) and {@code diff} (its unified diff as lines, or null when it has none).
 */
final class ChangeJson {
    private ChangeJson() {}

    static Map<String, Object> of(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind());
        m.put("describe", c.describe());
        m.put("diff", c.diff().map(d -> d.lines().toList()).orElse(null));
        return m;
    }
}
