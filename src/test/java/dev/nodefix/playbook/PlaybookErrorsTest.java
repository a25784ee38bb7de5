package dev.nodefix.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code playbooks/errors/NAME.yaml} must fail to load with exactly the problems in {@code NAME.expected},
 * one {@code NAME.yaml:line:col: message} a line, in file order: all of them, from one pass.
 */
class PlaybookErrorsTest {
    static Stream<Path> cases() throws IOException, URISyntaxException {
        return PlaybookCases.in("errors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsEveryProblemWithItsPlace(Path file) throws IOException {
        PlaybookException e = catchThrowableOfType(PlaybookException.class, () -> PlaybookCases.load(file));

        assertThat(e).as("loading %s", file).isNotNull();
        String dir = file.getParent() + "/";
        assertThat(PlaybookCases.lines(e.getMessage().replace(dir, "")))
                .as("problems in %s", file.getFileName())
                .containsExactlyElementsOf(PlaybookCases.lines(PlaybookCases.expected(file)));
        assertThat(e.location()).isEqualTo(e.problems().get(0).location());
        assertThat(e.location().file()).isEqualTo(file.toString());
    }
}
