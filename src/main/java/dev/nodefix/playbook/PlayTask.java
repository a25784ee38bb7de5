package dev.nodefix.playbook;

import dev.nodefix.inventory.Location;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One task (or handler) of a play: a module with its raw arguments, as written ({@code {{ }}} still in them;
 * the engine interpolates per host and binds through the module).
 *
 * @param name as written; empty when none was given
 * @param when conditions that must all hold; empty: always
 * @param notifies names of handlers of the play to run at the end of the batch when this task changed something
 * @param retries how many more times to run while {@code until} does not hold (or the task failed); 0: no retry
 * @param delay the pause between tries
 * @param become empty: the play's default
 * @param changedWhen conditions that must all hold for the result to count as changed; empty: as the module says
 * @param failedWhen conditions that must all hold for the result to count as failed; empty: as the module says
 */
public record PlayTask(String name, String module, Map<String, Object> args, List<String> when,
                       Optional<String> register, List<String> notifies, int retries, Optional<String> until,
                       Duration delay, List<String> tags, Optional<Boolean> become, boolean ignoreErrors,
                       List<String> changedWhen, List<String> failedWhen, Location location) {
    public PlayTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        when = List.copyOf(when);
        Objects.requireNonNull(register, "register");
        notifies = List.copyOf(notifies);
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(delay, "delay");
        tags = List.copyOf(tags);
        Objects.requireNonNull(become, "become");
        changedWhen = List.copyOf(changedWhen);
        failedWhen = List.copyOf(failedWhen);
        Objects.requireNonNull(location, "location");
    }

    /** The name to show: as written, or the module's. */
    public String title() {
        return name.isEmpty() ? module : name;
    }
}
