package dev.nodefix.journal;

import dev.nodefix.change.Change;
import dev.nodefix.change.FileChange;
import dev.nodefix.query.FileState;
import dev.nodefix.query.Query;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One {@code rollback/<case>.yaml}: the {@code recorded} changes of one task (seq, status done|failed|unfinished,
 * change as the journal encodes it, except that file states are {@code {absent: true}} or
 * {@code {content: TEXT, mode, owner, group}} with 644 root root as defaults), the {@code observed} node state
 * (raw query output parsed by the real {@link Query#parse}: {@code {file: PATH, content: ...}},
 * {@code {file: PATH, absent: true}}, {@code {offload: IFACE, output: TEXT}}, {@code {unit: NAME, output: TEXT}}),
 * optional {@code force} and {@code backend_undone} (another host of the run switched the flannel backend),
 * {@code undone_by: {SEQ: RUN}} (an earlier rollback undid it), {@code changed_later: {SEQ: RUN}} (a later run
 * changed what change SEQ observes), and the {@code expect}ed steps in order: {@code seq}, {@code action}, the inverse's
 * {@code describe()} for undo steps, optionally a {@code reason} substring.
 */
record RollbackCase(String name, List<Recorded> recorded, Map<Query, Object> observed, boolean force,
                    boolean backendUndone, Afterwards after, List<Step> expect) {
    record Step(int seq, RollbackStep.Action action, Optional<String> inverse, Optional<String> reason) {
    }

    @Override
    public String toString() {
        return name;
    }

    static RollbackCase load(Path file) {
        Map<?, ?> doc = yaml(file);
        String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        List<Recorded> recorded = new ArrayList<>();
        for (Object o : list(doc.get("recorded"))) {
            Map<?, ?> r = (Map<?, ?>) o;
            recorded.add(new Recorded(num(r, "seq"), r.get("task") == null ? 1 : num(r, "task"), "task " + name,
                    change((Map<?, ?>) r.get("change")),
                    Recorded.Status.valueOf(String.valueOf(r.get("status")).toUpperCase(Locale.ROOT)), Optional.empty()));
        }
        Map<Query, Object> observed = new LinkedHashMap<>();
        for (Object o : list(doc.get("observed"))) {
            observe((Map<?, ?>) o, observed);
        }
        List<Step> expect = new ArrayList<>();
        for (Object o : list(doc.get("expect"))) {
            Map<?, ?> s = (Map<?, ?>) o;
            expect.add(new Step(num(s, "seq"), RollbackStep.Action.valueOf(String.valueOf(s.get("action")).toUpperCase(Locale.ROOT)),
                    Optional.ofNullable(s.get("inverse")).map(String::valueOf),
                    Optional.ofNullable(s.get("reason")).map(String::valueOf)));
        }
        Map<Integer, String> undoneBy = new LinkedHashMap<>();
        map(doc.get("undone_by")).forEach((seq, run) -> undoneBy.put(((Number) seq).intValue(), String.valueOf(run)));
        Map<Query, String> changedBy = new LinkedHashMap<>();
        map(doc.get("changed_later")).forEach((seq, run) -> recorded.stream().filter(r -> r.seq() == ((Number) seq).intValue())
                .forEach(r -> changedBy.put(r.change().observes().orElseThrow(), String.valueOf(run))));
        return new RollbackCase(name, recorded, observed, Boolean.TRUE.equals(doc.get("force")),
                Boolean.TRUE.equals(doc.get("backend_undone")), new Afterwards(undoneBy, changedBy), expect);
    }

    private static Map<?, ?> map(Object o) {
        return o == null ? Map.of() : (Map<?, ?>) o;
    }

    @SuppressWarnings("unchecked")
    private static Change change(Map<?, ?> c) {
        if ("file".equals(c.get("kind"))) {
            return new FileChange(String.valueOf(c.get("path")), fileState((Map<?, ?>) c.get("before")),
                    fileState((Map<?, ?>) c.get("after")));
        }
        return ChangeCodec.decode((Map<String, Object>) c);
    }

    private static FileState fileState(Map<?, ?> s) {
        if (Boolean.TRUE.equals(s.get("absent"))) {
            return FileState.absent();
        }
        return FileState.Present.text(String.valueOf(Objects.requireNonNull(s.get("content"), "content")),
                text(s, "mode", "644"), text(s, "owner", "root"), text(s, "group", "root"));
    }

    private static void observe(Map<?, ?> e, Map<Query, Object> into) {
        String output = e.get("output") == null ? "" : String.valueOf(e.get("output"));
        int rc = e.get("rc") instanceof Number n ? n.intValue() : 0;
        Query query;
        if (e.get("offload") != null) {
            query = new Query.Offload(String.valueOf(e.get("offload")));
        } else if (e.get("unit") != null) {
            query = new Query.Unit(String.valueOf(e.get("unit")));
        } else {
            query = new Query.File(String.valueOf(e.get("file")));
            if (Boolean.TRUE.equals(e.get("absent"))) {
                rc = 44;
            } else {
                output = text(e, "mode", "644") + " " + text(e, "owner", "root") + " " + text(e, "group", "root") + "\n"
                        + Base64.getEncoder().encodeToString(String.valueOf(e.get("content")).getBytes(StandardCharsets.UTF_8));
            }
        }
        into.put(query, query.parse(output, rc));
    }

    private static int num(Map<?, ?> m, String key) {
        return ((Number) Objects.requireNonNull(m.get(key), key)).intValue();
    }

    private static String text(Map<?, ?> m, String key, String fallback) {
        return m.get(key) == null ? fallback : String.valueOf(m.get(key));
    }

    private static List<?> list(Object o) {
        return o == null ? List.of() : (List<?>) o;
    }

    private static Map<?, ?> yaml(Path file) {
        try {
            return (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
