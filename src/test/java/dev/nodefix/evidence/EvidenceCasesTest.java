package dev.nodefix.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.cli.CliRunner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The whole-node cases of the corpus ({@code diagnose/corpus/cases/<name>/}, the maintainers' verdict in
 * {@code case.yaml}) run through {@code diagnose --from <case dir>}: the verdict is the maintainers' or a less certain
 * one (at-risk or unknown instead of affected, unknown instead of not-affected); a surer or contradicting verdict
 * fails. The verdict got is the one the accuracy table in {@code docs/evidence-corpus.md} states.
 */
class EvidenceCasesTest {
    /** What each maintainers' verdict allows nodefix to answer from the same evidence. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "affected", List.of("affected", "at-risk", "unknown"),
            "at-risk", List.of("at-risk", "unknown"),
            "not-affected", List.of("not-affected", "unknown"),
            "unknown", List.of("unknown"));

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path root = Path.of(EvidenceCasesTest.class.getResource("/diagnose/corpus/cases").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isNeverSurerThanTheMaintainers(Path dir) throws Exception {
        String expected = verdict(dir);

        String got = diagnose(dir);

        assertThat(ALLOWED.get(expected)).as(dir.getFileName() + ": maintainers " + expected).contains(got);
        assertThat(accuracyTable()).as("docs/evidence-corpus.md accuracy row")
                .contains("| " + dir.getFileName() + " | " + expected + " | " + got + " |");
    }

    private static String diagnose(Path dir) throws IOException {
        CliRunner.Result r = new CliRunner().run("diagnose", "--from", dir.toString(), "--json");
        assertThat(r.err()).as(r.toString()).isEmpty();
        return String.valueOf(JSON.std.mapFrom(r.out()).get("verdict"));
    }

    private static String verdict(Path dir) throws IOException {
        Map<?, ?> c = (Map<?, ?>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(dir.resolve("case.yaml")));
        return String.valueOf(c.get("verdict"));
    }

    private static String accuracyTable() throws IOException {
        Path docs = Path.of("docs/evidence-corpus.md");
        return Files.readString(docs);
    }
}
