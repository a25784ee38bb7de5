package dev.nodefix.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One {@code shell/lines/<case>.yaml}: {@code given} (the session before: pattern, check, diff, become, forks,
 * options, runs; defaults as a fresh shell on all hosts), the {@code line}, and {@code expect}: {@code exit}, or
 * {@code argv} (the CLI command line; {@code $INV} is the test inventory) with {@code effect} and optional
 * {@code note}, or {@code state} (the fields that changed) with {@code message}, or {@code say} (a substring or a
 * list of them) with {@code failed}.
 */
record LineCase(String name, Map<String, Object> given, String line, Object expect) {
    static LineCase load(Path file) {
        Map<?, ?> doc;
        try {
            doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> given = doc.containsKey("given") ? (Map<String, Object>) doc.get("given") : Map.of();
        return new LineCase(file.getFileName().toString().replaceFirst("\\.yaml$", ""), given,
                String.valueOf(doc.get("line")), doc.get("expect"));
    }

    /** The session the case starts from. */
    ShellState state(Path inventory) {
        return apply(ShellState.start(inventory, strings(given.getOrDefault("options", List.of()))), given);
    }

    /** {@code state} with the fields of {@code fields} set (runs are replaced). */
    @SuppressWarnings("unchecked")
    static ShellState apply(ShellState state, Map<String, Object> fields) {
        ShellState s = state;
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            Object v = f.getValue();
            s = switch (f.getKey()) {
                case "pattern" -> s.withPattern(String.valueOf(v));
                case "check" -> s.withCheck((Boolean) v);
                case "diff" -> s.withDiff((Boolean) v);
                case "become" -> s.withBecome((Boolean) v);
                case "forks" -> s.withForks(((Number) v).intValue());
                case "options" -> s;
                case "runs" -> {
                    ShellState r = new ShellState(s.inventory(), s.pattern(), s.check(), s.diff(), s.become(), s.forks(),
                            s.options(), List.of());
                    for (String id : (List<String>) v) {
                        r = r.withRun(id);
                    }
                    yield r;
                }
                default -> throw new IllegalArgumentException("unknown state field " + f.getKey());
            };
        }
        return s;
    }

    static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
