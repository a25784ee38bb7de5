package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A node's k3s config.yaml is read with the same YAML limits as local files: each file of
 * {@code fact/hostile-k3s-config/} (alias bomb, deep nesting, recursive anchor, too many aliases) reads as "present,
 * nothing readable" within a second, instead of hanging {@code facts} or overflowing the stack.
 */
class HostileK3sConfigTest {
    static Stream<Path> files() throws IOException, URISyntaxException {
        Path dir = Path.of(HostileK3sConfigTest.class.getResource("/fact/hostile-k3s-config").toURI());
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsAsNothingReadableWithinASecond(Path file) throws IOException {
        String text = Files.readString(file);

        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(1), () -> K3sConfig.keys(text))).isEmpty();
    }
}
