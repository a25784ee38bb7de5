package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.nodefix.change.Change;
import dev.nodefix.change.FileChange;
import dev.nodefix.journal.ChangeCodec;
import dev.nodefix.executor.TaskLine;
import dev.nodefix.query.FileState;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every {@code src/test/resources/report/play/<case>/}: {@code case.yaml} (task lines and how to print them) and
 * one golden file per output it names ({@code plan.txt}, {@code lines.txt}, {@code batch.txt}, {@code recap.txt},
 * {@code play.json}). {@code -Dnodefix.updateGolden=true} rewrites the golden files from the actual output; read
 * every rewritten file before committing it.
 */
class PlayTextTest {
    static final String DIR = "report/play";

    /** One output of one case, e.g. {@code offload-diff/plan.txt}. */
    record Golden(Case c, String output) {
        String file() {
            return output.equals("json") ? "play.json" : output + ".txt";
        }

        @Override
        public String toString() {
            return c.name() + "/" + file();
        }
    }

    static Stream<Golden> text() {
        return Case.all().stream().flatMap(c -> c.outputs().stream().filter(o -> !o.equals("json"))
                .map(o -> new Golden(c, o)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("text")
    void printsWhatTheGoldenFileSays(Golden g) {
        String actual = g.c().render(g.output());
        assertThat(actual).isEqualTo(g.c().golden(g.file(), actual));
    }

    @Test
    void everyGoldenFileBelongsToAnOutputOfItsCase() throws IOException {
        assumeFalse(Boolean.getBoolean("nodefix.updateGolden"), "an update writes the files while this test lists them");
        for (Case c : Case.all()) {
            try (Stream<Path> files = Files.list(c.source())) {
                List<String> expected = new ArrayList<>(c.outputs().stream().map(o -> new Golden(c, o).file()).toList());
                expected.add("case.yaml");
                assertThat(files.map(p -> p.getFileName().toString())).as(c.name()).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void theCasesCoverEveryStatusBothStylesAndHandlers() {
        List<Case> all = Case.all();
        assertThat(all.stream().flatMap(c -> c.lines().stream()).map(TaskLine::status).distinct())
                .containsExactlyInAnyOrder(TaskLine.Status.values());
        assertThat(all.stream().map(Case::style).distinct()).containsExactlyInAnyOrder(Style.values());
        assertThat(all.stream().flatMap(c -> c.lines().stream())).anyMatch(TaskLine::handler).anyMatch(TaskLine::ignored);
        assertThat(all.stream().flatMap(c -> c.outputs().stream()).distinct())
                .containsExactlyInAnyOrder("plan", "lines", "batch", "recap", "json");
    }

    /**
     * One case: {@code playbook}, {@code plays} (names by index), {@code style} (plain|color), {@code diff},
     * {@code verbose}, {@code outputs}, for {@code plan} the optional {@code planBatches} (by play, its batches of
     * hosts), the {@code lines} (play, number, title, host, status, ignored, handler,
     * detail, changes, notes), for {@code batch} the play, batch index, batches of hosts and an optional gate
     * ({@code hosts}, {@code problem}), for JSON {@code check}, {@code run}, {@code rollback}, {@code stopped},
     * and the expected {@code recap} counts per host. A change is written as the journal encodes it, except that
     * file states are {@code {absent: true}} or {@code {content, mode, owner, group}} (644 root root by default).
     */
    record Case(String name, Map<?, ?> doc, List<TaskLine> lines) {
        @Override
        public String toString() {
            return name;
        }

        static List<Case> all() {
            try (Stream<Path> dirs = Files.list(root())) {
                return dirs.filter(Files::isDirectory).sorted().map(Case::load).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Path root() {
            try {
                return Path.of(PlayTextTest.class.getResource("/" + DIR).toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        static Case load(Path dir) {
            Map<?, ?> doc;
            try {
                doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(dir.resolve("case.yaml")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<TaskLine> lines = list(doc.get("lines")).stream().map(o -> line((Map<?, ?>) o)).toList();
            return new Case(dir.getFileName().toString(), doc, lines);
        }

        List<String> outputs() {
            return strings(doc.get("outputs"));
        }

        Style style() {
            return Style.valueOf(text(doc, "style", "plain").toUpperCase(Locale.ROOT));
        }

        List<String> plays() {
            return strings(doc.get("plays"));
        }

        Map<?, ?> map(String key) {
            return (Map<?, ?>) Objects.requireNonNull(doc.get(key), name + ": " + key);
        }

        Optional<String> optional(String key) {
            return Optional.ofNullable(doc.get(key)).map(String::valueOf);
        }

        String render(String output) {
            PlayText text = new PlayText(style(), Boolean.TRUE.equals(doc.get("diff")), Boolean.TRUE.equals(doc.get("verbose")),
                    plays());
            return switch (output) {
                case "plan" -> print(out -> text.plan(out, text(doc, "playbook", "site.yaml"), lines, planBatches()));
                case "lines" -> print(out -> text.lines(out, lines));
                case "recap" -> print(out -> text.recap(out, lines));
                case "batch" -> print(out -> batch(text, out));
                case "json" -> new PlayJson().of(new PlayJson.Outcome(text(doc, "playbook", "site.yaml"),
                        Boolean.TRUE.equals(doc.get("check")), optional("run"), optional("rollback"), optional("stopped")),
                        plays(), lines);
                default -> throw new IllegalArgumentException(name + ": unknown output " + output);
            };
        }

        /** {@code planBatches}: by play, the batches of host names a run would go through (none: empty). */
        private List<List<List<String>>> planBatches() {
            return list(doc.get("planBatches")).stream().map(p -> list(p).stream().map(Case::strings).toList()).toList();
        }

        /** The play header, the batch's lines, and the health gate when the case has one, as a run prints them. */
        private void batch(PlayText text, PrintWriter out) {
            Map<?, ?> b = map("batch");
            List<List<String>> batches = list(b.get("batches")).stream().map(Case::strings).toList();
            int index = ((Number) b.get("index")).intValue();
            if (index == 0) {
                text.play(out, ((Number) b.get("play")).intValue(), batches);
            }
            text.batch(out, index, batches.size(), lines);
            if (b.get("gate") instanceof Map<?, ?> gate) {
                text.gate(out, strings(gate.get("hosts")), Optional.ofNullable(gate.get("problem")).map(String::valueOf));
            }
        }

        /** The case's directory in the source tree (a build directory may keep files deleted from it). */
        Path source() {
            return Path.of("src/test/resources", DIR, name);
        }

        /** The golden file; {@code -Dnodefix.updateGolden=true} rewrites it from {@code actual} first. */
        String golden(String file, String actual) {
            try {
                if (Boolean.getBoolean("nodefix.updateGolden")) {
                    Files.writeString(source().resolve(file), actual);
                    return actual;
                }
                try (InputStream in = PlayTextTest.class.getResourceAsStream("/" + DIR + "/" + name + "/" + file)) {
                    return in == null ? "(missing " + file + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String print(Consumer<PrintWriter> body) {
            StringWriter s = new StringWriter();
            body.accept(new PrintWriter(s));
            return s.toString();
        }

        private static TaskLine line(Map<?, ?> l) {
            return new TaskLine(((Number) l.get("play")).intValue(), ((Number) l.get("number")).intValue(),
                    String.valueOf(l.get("title")), String.valueOf(l.get("host")),
                    TaskLine.Status.valueOf(String.valueOf(l.get("status")).toUpperCase(Locale.ROOT)),
                    Boolean.TRUE.equals(l.get("ignored")), Boolean.TRUE.equals(l.get("handler")), text(l, "detail", ""),
                    list(l.get("changes")).stream().map(c -> change((Map<?, ?>) c)).toList(), strings(l.get("notes")));
        }

        @SuppressWarnings("unchecked")
        private static Change change(Map<?, ?> c) {
            if ("file".equals(c.get("kind"))) {
                return new FileChange(String.valueOf(c.get("path")), fileState((Map<?, ?>) c.get("before")),
                        fileState((Map<?, ?>) c.get("after")));
            }
            return ChangeCodec.decode((Map<String, Object>) new LinkedHashMap<>(c));
        }

        private static FileState fileState(Map<?, ?> s) {
            if (Boolean.TRUE.equals(s.get("absent"))) {
                return FileState.absent();
            }
            return FileState.Present.text(String.valueOf(Objects.requireNonNull(s.get("content"), "content")),
                    text(s, "mode", "644"), text(s, "owner", "root"), text(s, "group", "root"));
        }

        private static String text(Map<?, ?> m, String key, String fallback) {
            return m.get(key) == null ? fallback : String.valueOf(m.get(key));
        }

        private static List<String> strings(Object o) {
            return list(o).stream().map(String::valueOf).toList();
        }

        private static List<?> list(Object o) {
            return o == null ? List.of() : (List<?>) o;
        }
    }
}
