package dev.nodefix.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.inventory.Location;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ProxyJump values from sshconfig/jumps.txt, one {@code VALUE => HOPS} per line: the hops as
 * {@code user@host:port} joined by {@code " | "}, {@code none} for ProxyJump none, or {@code error: MESSAGE}.
 */
class ProxyJumpSpecTest {
    static Stream<String> lines() throws IOException, URISyntaxException {
        Path file = Path.of(ProxyJumpSpecTest.class.getResource("/sshconfig/jumps.txt").toURI());
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void parsesHopsAsSshDoes(String line) {
        String spec = line.substring(0, line.indexOf(" => "));
        String expected = line.substring(line.indexOf(" => ") + 4);
        Location at = new Location("config", 1, 1);
        if (expected.startsWith("error: ")) {
            assertThatThrownBy(() -> KeywordValues.jump(spec, at)).isInstanceOf(SshConfigException.class)
                    .hasMessage("config:1:1: " + expected.substring("error: ".length()));
            return;
        }
        ProxyJump jump = KeywordValues.jump(spec, at);
        String hops = jump.none() ? "none" : String.join(" | ", jump.hops().stream().map(JumpHop::toString).toList());
        assertThat(hops).isEqualTo(expected);
    }
}
