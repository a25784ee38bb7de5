package dev.nodefix.ansiblecfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every {@code ansiblecfg/cases/*.yaml}: which file is found, the warnings, each setting or the error. */
class AnsibleConfigCasesTest {
    @TempDir
    Path root;

    static Path resources() throws URISyntaxException {
        return Path.of(AnsibleConfigCasesTest.class.getResource("/ansiblecfg").toURI());
    }

    static Stream<ConfigCase> cases() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(resources().resolve("cases"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(ConfigCase::load).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseHolds(ConfigCase c) throws Exception {
        Map<String, String> env = c.stage(root, resources());
        if (c.expect().error().isPresent()) {
            assertThatThrownBy(() -> c.run(root, env)).isInstanceOf(AnsibleConfigException.class)
                    .hasMessage(c.expect().error().get().replace("$ROOT", root.toString()));
            return;
        }
        AnsibleConfig config = c.run(root, env);
        assertThat(config.file().map(Path::toString))
                .isEqualTo(c.expect().file().map(f -> root.resolve(f).toString()));
        assertThat(config.warnings()).isEqualTo(c.expect().warnings().stream()
                .map(w -> w.replace("$ROOT", root.toString())).toList());
        assertThat(rendered(config)).isEqualTo(expected(c, root));
    }

    /** nodefix's settings as {@code NAME -> "VALUE @ ORIGIN"}, ORIGIN a line number or an env name. */
    static Map<String, String> rendered(AnsibleConfig config) {
        Map<String, String> out = new LinkedHashMap<>();
        DumpFormat.of(config).forEach((name, line) -> out.put(name, line.value() + " @ "
                + (line.line() > 0 ? String.valueOf(line.line()) : line.origin().substring("env: ".length()))));
        return out;
    }

    static Map<String, String> expected(ConfigCase c, Path root) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : DumpFormat.names()) {
            String value = c.expect().settings().get(name);
            if (value != null) {
                out.put(name, value.replace("$ROOT", root.toString()));
            }
        }
        List<String> unknown = c.expect().settings().keySet().stream()
                .filter(n -> !DumpFormat.names().contains(n)).toList();
        assertThat(unknown).as("setting names in the case").isEmpty();
        return out;
    }
}
