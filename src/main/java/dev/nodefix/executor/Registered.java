package dev.nodefix.executor;

import dev.nodefix.transport.CommandResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code register: NAME} stores for a task on a host: {@code changed}, {@code failed}, {@code skipped},
 * {@code ok} (neither failed nor skipped), {@code msg} (the no-op reason, skip or failure), {@code attempts},
 * and for a command that ran, {@code rc}, {@code stdout} and {@code stderr}.
 */
final class Registered {
    private Registered() {}

    static Map<String, Object> of(TaskLine line, Optional<CommandResult> output, int attempts) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean failed = line.status() == TaskLine.Status.FAILED || line.status() == TaskLine.Status.UNREACHABLE;
        boolean skipped = line.status() == TaskLine.Status.SKIPPED;
        out.put("changed", line.status() == TaskLine.Status.CHANGED);
        out.put("failed", failed);
        out.put("skipped", skipped);
        out.put("ok", !failed && !skipped);
        out.put("msg", line.detail());
        out.put("attempts", attempts);
        output.ifPresent(r -> {
            out.put("rc", r.exitCode());
            out.put("stdout", r.stdout().strip());
            out.put("stderr", r.stderr().strip());
        });
        return out;
    }
}
