package dev.nodefix.executor;

import dev.nodefix.engine.ShellNode;
import dev.nodefix.inventory.Role;
import dev.nodefix.playbook.BatchSize;
import dev.nodefix.playbook.Serial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One {@code play/cases/<case>.yaml}: a playbook run over stand-in hosts, planned and (when {@code apply} is
 * given) applied. Every playbook gets the extra vars {@code root} (each host writes under
 * {@code {{ root }}/{{ host }}/}), {@code owner} and {@code group} (this machine's user, so no root is needed).
 *
 * <pre>
 * hosts: [node1, "s1 server"]      # name, optionally its role (server|agent; default unknown)
 * extra_vars: {k: v}               # -e
 * tags: [t]; skip_tags: [t]; serial: [1, "50%"]     # --tags, --skip-tags, --serial
 * given: {node1: {app.conf: "text"}}                # files before the run, per host
 * playbook: |                                       # the playbook
 * plan: {node1: ["TITLE | STATUS[ ignored][ handler][ | TEXT]"]}   # the plan's lines of that host, in order
 * plan_changes: {node1: 2}                          # changes planned on the host
 * fatal: TEXT                                       # the plan must not be applied, saying TEXT
 * edit_after_plan: {node1: {app.conf: "text"}}      # files changed behind the plan's back
 * apply: {node1: [...]}                             # the run's lines of that host, in order
 * batches: [[[node1], [node2]]]                     # per play applied, its batches
 * stopped: TEXT; failed_batch: [node1]              # why the run stopped early, and that batch
 * files: {node1: {app.conf: "text", gone: null}}    # after the run; null: absent
 * journal: {node1: ["1 TASK done"]}                 # the controller journal's changes: task number, name, status
 * replan_changes: 0                                 # a plan made after the run
 * sleeps: ["5s"]                                    # the pauses between retries
 * retried: ["TASK on node1 (attempt 2 of 6, 2 s)"]  # the run's retry events, the time counted in the pauses
 * plan_execs: {node1: 1}                            # commands the host ran (SSH execs) while planned
 * replan_execs: {node1: 1}                          # the same for the plan made after the run
 * fates: {node1: {TEXT: hang}}                     # a command holding TEXT on the host hangs (until it times
 *                                                   # out), or drop_before / drop_after: its connection is killed
 * </pre>
 *
 * TEXT in a line is a substring of its detail or, for a changed line, of its changes' descriptions.
 */
record PlayCase(String name, List<StandInHosts.Spec> hosts, Map<String, Object> extraVars, Set<String> tags,
                Set<String> skipTags, Optional<Serial> serial, Map<String, Map<String, String>> given, String playbook,
                Map<String, List<String>> plan, Map<String, Integer> planChanges, Optional<String> fatal,
                Map<String, Map<String, String>> editAfterPlan, Optional<Map<String, List<String>>> apply,
                Optional<List<List<List<String>>>> batches, Optional<String> stopped, List<String> failedBatch,
                Map<String, Map<String, String>> files, Map<String, List<String>> journal,
                Optional<Integer> replanChanges, Optional<List<String>> sleeps, Map<String, Integer> planExecs,
                Map<String, Integer> replanExecs, Map<String, Map<String, ShellNode.Fate>> fates,
                Optional<List<String>> retried) {
    static final List<String> KEYS = List.of("hosts", "extra_vars", "tags", "skip_tags", "serial", "given", "playbook",
            "plan", "plan_changes", "fatal", "edit_after_plan", "apply", "batches", "stopped", "failed_batch", "files",
            "journal", "replan_changes", "sleeps", "plan_execs", "replan_execs", "fates", "retried");

    @Override
    public String toString() {
        return name;
    }

    static PlayCase load(Path file) {
        Map<String, Object> doc = yaml(file);
        String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        doc.keySet().stream().filter(k -> !KEYS.contains(k)).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException(name + ": unknown key " + k + "; keys: " + KEYS);
        });
        List<StandInHosts.Spec> hosts = strings(doc.get("hosts")).stream().map(PlayCase::spec).toList();
        return new PlayCase(name, hosts, map(doc.get("extra_vars")), Set.copyOf(strings(doc.get("tags"))),
                Set.copyOf(strings(doc.get("skip_tags"))), Optional.ofNullable(doc.get("serial")).map(PlayCase::serial),
                filesByHost(doc.get("given")), String.valueOf(doc.get("playbook")), linesByHost(doc.get("plan")),
                counts(doc.get("plan_changes")), text(doc.get("fatal")), filesByHost(doc.get("edit_after_plan")),
                Optional.ofNullable(doc.get("apply")).map(PlayCase::linesByHost), batches(doc.get("batches")),
                text(doc.get("stopped")), strings(doc.get("failed_batch")), filesByHost(doc.get("files")),
                linesByHost(doc.get("journal")),
                Optional.ofNullable(doc.get("replan_changes")).map(v -> ((Number) v).intValue()),
                Optional.ofNullable(doc.get("sleeps")).map(PlayCase::strings), counts(doc.get("plan_execs")),
                counts(doc.get("replan_execs")), fates(doc.get("fates")),
                Optional.ofNullable(doc.get("retried")).map(PlayCase::strings));
    }

    private static StandInHosts.Spec spec(String text) {
        String[] words = text.trim().split("\\s+");
        Role role = words.length > 1 ? Role.valueOf(words[1].toUpperCase(Locale.ROOT)) : Role.UNKNOWN;
        return new StandInHosts.Spec(words[0], role);
    }

    /** {@code 2}, {@code "30%"} or a list of those. */
    static Serial serial(Object value) {
        List<?> items = value instanceof List<?> l ? l : List.of(value);
        return new Serial(items.stream().map(i -> {
            String s = String.valueOf(i);
            return s.endsWith("%") ? (BatchSize) new BatchSize.Percent(Integer.parseInt(s.replace("%", "")))
                    : new BatchSize.Count(Integer.parseInt(s));
        }).toList());
    }

    private static Optional<List<List<List<String>>>> batches(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        List<List<List<String>>> out = new ArrayList<>();
        for (Object play : (List<?>) value) {
            out.add(((List<?>) play).stream().map(PlayCase::strings).toList());
        }
        return Optional.of(out);
    }

    private static Map<String, Map<String, String>> filesByHost(Object value) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        map(value).forEach((host, files) -> {
            Map<String, String> byPath = new LinkedHashMap<>();
            map(files).forEach((path, text) -> byPath.put(path, text == null ? null : String.valueOf(text)));
            out.put(host, byPath);
        });
        return out;
    }

    private static Map<String, List<String>> linesByHost(Object value) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        map(value).forEach((host, lines) -> out.put(host, strings(lines)));
        return out;
    }

    private static Map<String, Integer> counts(Object value) {
        Map<String, Integer> out = new LinkedHashMap<>();
        map(value).forEach((host, n) -> out.put(host, ((Number) n).intValue()));
        return out;
    }

    private static Map<String, Map<String, ShellNode.Fate>> fates(Object value) {
        Map<String, Map<String, ShellNode.Fate>> out = new LinkedHashMap<>();
        map(value).forEach((host, byText) -> {
            Map<String, ShellNode.Fate> fates = new LinkedHashMap<>();
            map(byText).forEach((text, fate) -> fates.put(text,
                    ShellNode.Fate.valueOf(String.valueOf(fate).toUpperCase(Locale.ROOT))));
            out.put(host, fates);
        });
        return out;
    }

    private static Optional<String> text(Object value) {
        return Optional.ofNullable(value).map(String::valueOf);
    }

    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        return (value instanceof List<?> l ? l : List.of(value)).stream().map(String::valueOf).toList();
    }

    static Map<String, Object> map(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        } else if (value != null) {
            throw new IllegalArgumentException("expected a mapping, got " + value);
        }
        return out;
    }

    static Map<String, Object> yaml(Path file) {
        try {
            return map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
