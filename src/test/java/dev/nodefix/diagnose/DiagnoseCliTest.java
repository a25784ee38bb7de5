package dev.nodefix.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.cli.CliRunner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code nodefix diagnose --from DIR} over the captured lab outputs, golden-tested, and its input errors. */
class DiagnoseCliTest {
    @Test
    void textFromCapturedOutputMatchesTheGoldenFile() throws Exception {
        CliRunner.Result r = new CliRunner().run("diagnose", "--from", captured().toString());

        assertThat(r.exitCode()).as("affected: " + r).isEqualTo(10);
        assertThat(r.out()).isEqualTo(golden("diagnosis.txt", r.out()));
        assertThat(r.out()).startsWith("Cluster verdict: AFFECTED\nRemediation: fix-vxlan-checksum");
    }

    @Test
    void jsonFromCapturedOutputMatchesTheGoldenFileAndTheContract() throws Exception {
        CliRunner.Result r = new CliRunner().run("diagnose", "--from", captured().toString(), "--json");

        assertThat(r.exitCode()).as("affected: " + r).isEqualTo(10);
        assertThat(r.out()).isEqualTo(golden("diagnosis.json", r.out()));
        Map<String, Object> root = JSON.std.mapFrom(r.out());
        assertThat(List.copyOf(root.keySet())).containsExactly("schema_version", "verdict", "remediation", "hosts");
        assertThat(root).containsEntry("verdict", "affected");
        Map<?, ?> host = (Map<?, ?>) ((Map<?, ?>) root.get("hosts")).get("affected-agent");
        assertThat(List.copyOf(host.keySet()).stream().map(String::valueOf).toList()).containsExactly("verdict", "legs", "findings");
        Map<?, ?> legs = (Map<?, ?>) host.get("legs");
        assertThat(List.copyOf(legs.keySet()).stream().map(String::valueOf).toList())
                .containsExactly("vxlan", "offload", "kept_off", "double_nat");
        Map<?, ?> offload = (Map<?, ?>) legs.get("offload");
        assertThat(offload.get("value")).isEqualTo("yes");
        assertThat(offload.get("settle")).isNull();
        Map<?, ?> source = (Map<?, ?>) ((List<?>) offload.get("sources")).get(0);
        assertThat(source.get("command")).isEqualTo("ethtool -k flannel.1");
        assertThat(source.get("view")).isEqualTo("host");
        assertThat(source.get("extent")).isEqualTo("complete");
        assertThat(source.get("lines")).isEqualTo(List.of("tx-checksum-ip-generic: on"));
        assertThat(host.get("verdict")).isEqualTo("affected");
        Map<?, ?> finding = (Map<?, ?>) ((java.util.List<?>) host.get("findings")).get(0);
        assertThat(List.copyOf(finding.keySet()).stream().map(String::valueOf).toList()).containsExactly("code", "severity", "message", "evidence", "fix", "settle");
        assertThat(finding.get("code")).isEqualTo("AFFECTED");
        assertThat(finding.get("severity")).isEqualTo("critical");
    }

    @Test
    void htmlWritesTheReportAndLeavesTheTextAsItWas(@TempDir Path tmp) throws Exception {
        Path page = tmp.resolve("report.html");

        CliRunner.Result r = new CliRunner().run("diagnose", "--from", captured().toString(), "--html", page.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(10);
        assertThat(r.out()).isEqualTo(golden("diagnosis.txt", r.out()));
        assertThat(r.err()).contains("report written to " + page);
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains(
                "Cluster verdict: <span class=\"verdict\">AFFECTED</span>", "<h2>Layer-2 adjacency</h2>",
                "<th class=\"host\">routed-agent<small>10.99.175.13</small></th>");
        assertThat(tmp.toFile().list()).as("no temporary file left").containsExactly("report.html");
    }

    @Test
    void anUnwritableHtmlFileIsAnError(@TempDir Path tmp) throws Exception {
        CliRunner.Result r = new CliRunner().run("diagnose", "--from", captured().toString(), "--html",
                tmp.resolve("no/such/dir/report.html").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cannot write the report");
    }

    @Test
    void aMissingDirectoryIsAnInputError(@TempDir Path tmp) {
        CliRunner.Result r = new CliRunner().run("diagnose", "--from", tmp.resolve("nope").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("not a directory");
    }

    @Test
    void probeNeedsLiveHostsAndWellFormedTargets() throws Exception {
        CliRunner.Result withFrom = new CliRunner().run("diagnose", "--from", captured().toString(), "--probe");
        CliRunner.Result badTarget = new CliRunner().run("diagnose", "--from", captured().toString(),
                "--target", "10.43.0.10");

        assertThat(withFrom.exitCode()).isEqualTo(1);
        assertThat(withFrom.err()).contains("--probe needs live hosts");
        assertThat(badTarget.exitCode()).isEqualTo(1);
        assertThat(badTarget.err()).contains("expected IP:PORT");
    }

    @ParameterizedTest(name = "{0} -> exit {1}")
    @CsvSource({"fixed-agent, 0", "affected-agent, 10", "truncated, 12", "hostgw-agent, 0"})
    void theExitCodeIsTheVerdictsForCronAndCi(String capture, int exit, @TempDir Path dir) throws Exception {
        Path one = Path.of(DiagnoseCliTest.class.getResource("/facts/_captured/" + capture).toURI());
        Files.copy(one, dir.resolve(capture));

        CliRunner.Result r = new CliRunner().run("diagnose", "--from", dir.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(exit);
    }

    private static Path captured() throws URISyntaxException {
        return Path.of(DiagnoseCliTest.class.getResource("/diagnose/_golden/input").toURI());
    }

    /** The golden text; {@code -Dnodefix.updateGolden=true} rewrites it from {@code actual} first. */
    private static String golden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("nodefix.updateGolden")) {
            Files.writeString(Path.of("src/test/resources/diagnose/_golden").resolve(name), actual);
            return actual;
        }
        try (InputStream in = DiagnoseCliTest.class.getResourceAsStream("/diagnose/_golden/" + name)) {
            return in == null ? "(missing " + name + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
