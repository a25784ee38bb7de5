package dev.nodefix.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exported node script is POSIX sh: dash and busybox ash parse it ({@code -n}) and checkbashisms finds nothing
 * (.ci/run installs dash, busybox and devscripts).
 */
class NodeScriptShellTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"dash -n", "busybox ash -n", "checkbashisms --posix --force"})
    void theFixScriptPasses(String check) throws IOException, InterruptedException {
        Path script = dir.resolve("node.sh");
        Files.writeString(script, NodeScriptTest.fixScript());
        List<String> argv = new ArrayList<>(List.of(check.split(" ")));
        argv.add(script.toString());
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(check + ": " + out).isZero();
        assertThat(out).as(check).isEmpty();
    }
}
