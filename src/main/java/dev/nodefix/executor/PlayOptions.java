package dev.nodefix.executor;

import dev.nodefix.playbook.PlayTask;
import dev.nodefix.playbook.Serial;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a playbook is run, from the command line.
 *
 * @param extraVars {@code -e} variables, over the plays' own
 * @param serial {@code --serial}: replaces every play's {@code serial}
 * @param tags {@code --tags}: only tasks with one of these (and those tagged {@code always}); empty: all
 * @param skipTags {@code --skip-tags}: not the tasks with one of these
 * @param gateTimeout how long the health gate waits for units to be active and nodes Ready
 */
public record PlayOptions(Map<String, Object> extraVars, Optional<Serial> serial, Set<String> tags,
                          Set<String> skipTags, Duration gateTimeout) {
    public static final Duration GATE_TIMEOUT = Duration.ofSeconds(120);

    public PlayOptions {
        extraVars = Collections.unmodifiableMap(new LinkedHashMap<>(extraVars));
        Objects.requireNonNull(serial, "serial");
        tags = Set.copyOf(tags);
        skipTags = Set.copyOf(skipTags);
        Objects.requireNonNull(gateTimeout, "gateTimeout");
    }

    public static PlayOptions defaults() {
        return new PlayOptions(Map.of(), Optional.empty(), Set.of(), Set.of(), GATE_TIMEOUT);
    }

    /** Whether the tag filters keep this task (handlers are not filtered: they run when notified). */
    boolean selects(PlayTask task) {
        boolean tagged = tags.isEmpty() || task.tags().contains("always")
                || task.tags().stream().anyMatch(tags::contains);
        return tagged && task.tags().stream().noneMatch(skipTags::contains);
    }
}
