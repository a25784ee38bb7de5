package dev.nodefix.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.expr.Expressions;
import dev.nodefix.modules.BuiltinModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every playbook under {@code playbooks/} loads without a problem and says at its top what it does. */
class ShippedPlaybooksTest {
    static Stream<Path> playbooks() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("playbooks"))) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(all).extracting(p -> p.getFileName().toString())
                    .contains("diagnose.yaml", "fix-vxlan-checksum.yaml", "switch-backend-host-gw.yaml");
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("playbooks")
    void loadsAndIsDocumentedAtItsTop(Path file) throws IOException {
        Playbook book = new PlaybookLoader(BuiltinModules.registry(), new Expressions()).load(file, Map.of());
        assertThat(book.plays()).isNotEmpty();
        List<String> head = Files.readAllLines(file).stream().takeWhile(l -> l.startsWith("#")).toList();
        assertThat(head).as("the comment block at the top of " + file).hasSizeGreaterThan(5);
        assertThat(head.get(0)).startsWith("# " + file.getFileName());
        assertThat(String.join("\n", head)).as("shows how to run it").contains("nodefix play "
                + file.getFileName().toString().replaceFirst("\\.yaml$", "") + " ");
    }
}
