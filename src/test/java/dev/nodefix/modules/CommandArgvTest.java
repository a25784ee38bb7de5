package dev.nodefix.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.change.Change;
import dev.nodefix.module.Plan;
import dev.nodefix.query.NodeState;
import dev.nodefix.inventory.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * {@code command: {argv: [...]}} on a real POSIX shell: each word of {@code modules/command-argv-words.json}
 * (substitutions, globs, quotes, newlines, escapes) is run as {@code printf '%s|' WORD} exactly as the node would
 * run it, and must come back unchanged, with nothing the word names having run.
 */
class CommandArgvTest {
    private static final Path MARK = Path.of("/tmp/nodefix-argv-test-was-run");

    @SuppressWarnings("unchecked")
    static Stream<String> words() throws IOException {
        try (InputStream in = CommandArgvTest.class.getResourceAsStream("/modules/command-argv-words.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ((List<String>) new Load(LoadSettings.builder().build()).loadFromString(text)).stream();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("words")
    void eachWordReachesTheProgramAsItIs(String word) throws IOException, InterruptedException {
        Files.deleteIfExists(MARK);
        Plan plan = BuiltinModules.registry().get("command").invoke(Map.of("argv", List.of("printf", "%s|", word)))
                .plan(new NodeState("node1", Role.values()[0], Map.of()));
        Change change = plan.changeList().get(0);

        Process p = new ProcessBuilder(change.command().argv()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).isEqualTo(word + "|");
        assertThat(MARK).doesNotExist();
    }
}
