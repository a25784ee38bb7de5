package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.inventory.Group;
import dev.nodefix.inventory.Inventory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real {@code ansible-inventory} (its default plugins: yaml, ini, auto, ...) on every case under
 * {@code src/test/resources/inventory/sources/<case>/} (INI files, directories, several {@code -i},
 * group_vars/host_vars layouts, {@code --playbook-dir}, vaulted values and files, k3s-ansible's layouts)
 * with the arguments in the case's {@code args} file, and checks that nodefix prints the same
 * {@code --list} text and {@code --graph} text.
 */
class InventorySourcesParityTest {
    private static final JSON READER = JSON.builder(
            JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build()).build();

    @TempDir
    static Path scratch;

    @BeforeAll
    static void requireAnsible() {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "ansible-inventory")));
        if (!found) {
            fail("ansible-inventory not found on PATH: install ansible-core (apt-get install ansible-core)");
        }
    }

    static Stream<Path> cases() throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
                .resolve("src/test/resources/inventory/sources");
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.exists(d.resolve("args"))).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void listMatchesAnsible(Path dir) throws Exception {
        SourcesCase c = SourcesCase.load(dir);
        AnsibleInventoryRun ansible = new AnsibleInventoryRun(scratch);
        String expected = ansible.run(c.ansibleArgs("--list"));
        String actual = new InventoryListing().render(c.parse(ansible)) + "\n";

        assertThat(READER.anyFrom(actual)).as("JSON tree").isEqualTo(READER.anyFrom(expected));
        assertThat(actual).as("JSON text").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void graphMatchesAnsible(Path dir) throws Exception {
        SourcesCase c = SourcesCase.load(dir);
        AnsibleInventoryRun ansible = new AnsibleInventoryRun(scratch);
        Inventory inventory = c.parse(ansible);
        assertThat(new InventoryGraph().render(inventory, null)).isEqualTo(ansible.run(c.ansibleArgs("--graph")));
        Optional<String> nested = inventory.groups().values().stream()
                .filter(g -> !g.name().equals("all") && !g.children().isEmpty()).map(Group::name).findFirst();
        if (nested.isPresent()) {
            assertThat(new InventoryGraph().render(inventory, nested.get())).as("--graph " + nested.get())
                    .isEqualTo(ansible.run(c.ansibleArgs("--graph", nested.get())));
        }
    }
}
