package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One list of prefer-bundled-bin settings ({@code fact/prefer-bundled-bin/cases.txt}) read by both deciders: the
 * collector's shell (which picks the iptables-save k3s writes with) and {@link K3sNetfilterArgs} (which the diagnosis
 * reads). Both must read every case as k3s does.
 */
class PreferBundledBinCasesTest {
    private static final Map<String, String> FILES = Map.of("config", "etc/rancher/k3s/config.yaml",
            "dropin", "etc/rancher/k3s/config.yaml.d/50-test.yaml", "dropin-yml",
            "etc/rancher/k3s/config.yaml.d/50-test.YML", "unit", "etc/systemd/system/k3s.service");

    record Case(String place, String text, String expected) {
        @Override
        public String toString() {
            return place + ": " + text.replace("\n", "⏎") + " -> " + expected;
        }
    }

    static Stream<Case> cases() throws IOException {
        try (var in = PreferBundledBinCasesTest.class.getResourceAsStream("/fact/prefer-bundled-bin/cases.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(" \\| ", -1))
                    .map(p -> new Case(p[0].strip(), p[1].replace("\\n", "\n"), p[2].strip())).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCollectorsShellReadsItAsK3sDoes(Case c, @TempDir Path root) throws Exception {
        Path file = root.resolve(FILES.get(c.place()));
        Files.createDirectories(file.getParent());
        Files.writeString(file, c.text() + "\n");

        assertThat(shell(root)).as(c.toString()).isEqualTo(Map.of("true", "1", "false", "0", "cannot tell", "?")
                .get(c.expected()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void k3sNetfilterArgsReadsItAsK3sDoes(Case c) {
        String file = "# file: /" + FILES.get(c.place()) + "\n";
        String raw = section("k3s-config", c.place().equals("config") ? c.text() : "")
                + section("k3s-config-d", c.place().startsWith("dropin") ? file + c.text() : "")
                + section("k3s-units", c.place().equals("unit") ? file + c.text() : "");

        Optional<Boolean> read = K3sNetfilterArgs.from(CollectorOutput.split(raw)).preferBundledBin();

        assertThat(read.map(String::valueOf).orElse("cannot tell")).as(c.toString()).isEqualTo(c.expected());
    }

    private static String section(String name, String text) {
        return "@@nodefix:section " + name + "@@\n" + text + "\n@@nodefix:end " + name + " rc=0@@\n";
    }

    /** The collector's functions, then nf_prefers_bundled with NF_ROOT as / : its NF_PREFER. */
    static String shell(Path root) throws Exception {
        String script = CollectorScript.load().text();
        String functions = script.substring(0, script.lastIndexOf("\nnf_kernel\n"));
        ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", "-s")).redirectErrorStream(true);
        pb.environment().put("NF_ROOT", root.toString());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write((functions + "\nnf_prefers_bundled\nprintf '%s\\n' \"$NF_PREFER\"\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.strip();
    }
}
