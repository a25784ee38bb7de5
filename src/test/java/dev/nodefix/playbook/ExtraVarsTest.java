package dev.nodefix.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.fact.PlainData;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every {@code playbooks/extra-vars/<case>.yaml}: the {@code -e} values given ({@code args}, {@code @} paths
 * relative to the project root, the tests' working directory) and the variables they make ({@code expected}) or
 * the one error line ({@code error}). The real {@code ansible-playbook} on this machine reads the same {@code -e}
 * values: to the same variables, or it refuses them too (but where the case says {@code ansible: accepts}, a
 * difference nodefix states in its error).
 */
class ExtraVarsTest {
    @TempDir Path tmp;

    /** @param ansibleReads the names the ansible-playbook run reads back (all expected ones unless the case says) */
    record Case(String name, List<String> args, Object expected, String error, boolean ansibleAccepts,
                List<String> ansibleReads) {
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ansiblePlaybookReadsTheSame(Case c) throws Exception {
        String dict = c.ansibleReads().stream().map(k -> "'" + k + "': " + k).collect(Collectors.joining(", "));
        Path book = Files.writeString(tmp.resolve("vars.yml"), "- hosts: localhost\n  gather_facts: false\n  tasks:\n"
                + "    - debug: {msg: \"{{ {" + dict + "} | to_json }}\"}\n");
        List<String> command = new ArrayList<>(List.of("ansible-playbook", book.toString()));
        c.args().forEach(a -> command.addAll(List.of("-e", a)));
        Ansible.Result r = Ansible.run(tmp, command);

        if (c.error() != null && !c.ansibleAccepts()) {
            assertThat(r.exitCode()).as("ansible-playbook refuses it too:\n" + r.out()).isNotZero();
        } else {
            assertThat(r.exitCode()).as(r.out()).isZero();
        }
        if (c.error() == null) {
            Map<?, ?> expected = (Map<?, ?>) c.expected();
            Map<String, Object> read = new java.util.TreeMap<>();
            c.ansibleReads().forEach(k -> read.put(k, expected.get(k)));
            assertThat(PlainData.of(JSON.std.anyFrom(r.msg()))).isEqualTo(read);
        }
    }

    private static List<String> reads(Map<?, ?> doc) {
        if (doc.get("ansible_reads") instanceof List<?> names) {
            return names.stream().map(String::valueOf).toList();
        }
        return doc.get("expected") instanceof Map<?, ?> m ? m.keySet().stream().map(String::valueOf).toList() : List.of();
    }

    private static Case load(Path file) {
        try {
            Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            List<String> args = ((List<?>) doc.get("args")).stream().map(String::valueOf).toList();
            Object error = doc.get("error");
            return new Case(file.getFileName().toString().replaceFirst("\\.yaml$", ""), args,
                    PlainData.of(doc.get("expected")), error == null ? null : String.valueOf(error),
                    "accepts".equals(doc.get("ansible")), reads(doc));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
