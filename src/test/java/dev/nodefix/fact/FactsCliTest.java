package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.cli.CliRunner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nodefix facts --from DIR} over the captured lab outputs, golden-tested, and {@code collect-script}. */
class FactsCliTest {
    @Test
    void tableFromCapturedOutputMatchesTheGoldenFile() throws Exception {
        CliRunner.Result r = new CliRunner().run("facts", "--from", captured().toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(golden("table.txt", r.out()));
    }

    @Test
    void jsonFromCapturedOutputMatchesTheGoldenFile() throws Exception {
        CliRunner.Result r = new CliRunner().run("facts", "--from", captured().toString(), "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(golden("facts.json", r.out()));
    }

    @Test
    void aMissingDirectoryIsAnInputError(@TempDir Path tmp) {
        CliRunner.Result r = new CliRunner().run("facts", "--from", tmp.resolve("nope").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("not a directory");
    }

    @Test
    void collectScriptPrintsTheCollector() {
        CliRunner.Result r = new CliRunner().run("collect-script");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(CollectorScript.load().text()).contains("set +e", "LC_ALL=C");
    }

    private static Path captured() throws URISyntaxException {
        return Path.of(FactsCliTest.class.getResource("/facts/_captured").toURI());
    }

    /** The golden text; {@code -Dnodefix.updateGolden=true} rewrites it from {@code actual} first. */
    private static String golden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("nodefix.updateGolden")) {
            Files.writeString(Path.of("src/test/resources/facts/_golden").resolve(name), actual);
            return actual;
        }
        return resource("/facts/_golden/" + name);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FactsCliTest.class.getResourceAsStream(name)) {
            return in == null ? "(missing " + name + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
