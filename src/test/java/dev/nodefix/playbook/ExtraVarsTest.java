package dev.nodefix.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.fact.PlainData;
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
 * Every {@code playbooks/extra-vars/<case>.yaml}: the {@code -e} values given ({@code args}, {@code @} paths
 * relative to the project root, the tests' working directory) and the variables they make ({@code expected}) or
 * the one error line ({@code error}).
 */
class ExtraVarsTest {
    record Case(String name, List<String> args, Object expected, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(ExtraVarsTest.class.getResource("/playbooks/extra-vars").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream().map(ExtraVarsTest::load);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsAsAnsiblePlaybookDoes(Case c) {
        if (c.error() != null) {
            assertThatThrownBy(() -> ExtraVars.parse(c.args())).isInstanceOf(PlaybookException.class)
                    .hasMessage(c.error());
        } else {
            assertThat(PlainData.of(ExtraVars.parse(c.args()))).isEqualTo(c.expected());
        }
    }

    private static Case load(Path file) {
        try {
            Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            List<String> args = ((List<?>) doc.get("args")).stream().map(String::valueOf).toList();
            Object error = doc.get("error");
            return new Case(file.getFileName().toString().replaceFirst("\\.yaml$", ""), args,
                    PlainData.of(doc.get("expected")), error == null ? null : String.valueOf(error));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
