package dev.nodefix.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code playbooks/valid/NAME.yaml} loads, and its model reads as {@code NAME.expected} (golden). */
class PlaybookValidTest {
    static Stream<Path> cases() throws IOException, URISyntaxException {
        return PlaybookCases.in("valid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loadsIntoTheExpectedModel(Path file) throws IOException {
        Playbook playbook = PlaybookCases.load(file);

        assertThat(playbook.file()).isEqualTo(file);
        assertThat(PlaybookCases.lines(playbook.describe()))
                .as("model of %s", file.getFileName())
                .containsExactlyElementsOf(PlaybookCases.lines(PlaybookCases.expected(file)));
    }
}
