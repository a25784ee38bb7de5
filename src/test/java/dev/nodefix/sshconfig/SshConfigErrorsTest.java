package dev.nodefix.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad configs under sshconfig/errors/NAME: {@code home/.ssh/config} (and includes) and {@code expect.txt} with
 * {@code host H}, {@code error MESSAGE} (the exception's whole message, {@code ~} for the case's home) and what
 * the real {@code ssh -G -F} does with the same file: {@code ssh fails at line N}, {@code ssh fails} (no line
 * in its message) or {@code ssh accepts} (a refusal of nodefix's own, which its message says).
 */
class SshConfigErrorsTest {
    @TempDir
    Path scratch;

    static Stream<Path> cases() {
        return SshFixture.all("errors").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithFileAndLine(Path source) throws Exception {
        SshFixture fixture = SshFixture.copy(source, scratch);
        List<String> expect = Files.readAllLines(source.resolve("expect.txt"));
        String host = value(expect, "host ");
        String error = value(expect, "error ").replace("~/", fixture.home() + "/");
        assertThatThrownBy(() -> fixture.load().forHost(host, Optional.empty(), "alice", "box"))
                .isInstanceOf(SshConfigException.class).hasMessage(error)
                .satisfies(e -> assertThat(((SshConfigException) e).location()).isPresent());

        String ssh = value(expect, "ssh ");
        ProcessBuilder pb = new ProcessBuilder("ssh", "-G", "-F", fixture.userFile().toString(), host)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(fixture.env());
        Process p = pb.start();
        p.getOutputStream().close();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (ssh.equals("accepts")) {
            assertThat(p.exitValue()).as("ssh -G exit, stderr: %s", stderr).isZero();
        } else {
            assertThat(p.exitValue()).as("ssh -G exit").isNotZero();
            if (ssh.startsWith("fails at line ")) {
                assertThat(stderr).contains("line " + ssh.substring("fails at line ".length()) + ":");
            }
        }
    }

    private static String value(List<String> lines, String prefix) throws IOException {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .findFirst().orElseThrow(() -> new IOException("expect.txt has no '" + prefix + "' line"));
    }
}
