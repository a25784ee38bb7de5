package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.inventory.Group;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.InventoryParser;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real {@code ansible-inventory} on every valid inventory case (and the shipped
 * inventory/hosts.yaml) and checks that nodefix prints the same {@code --list} JSON (same tree, same key
 * order, same text) and the same {@code --graph} text.
 */
class InventoryAnsibleParityTest {
    private static final JSON READER = JSON.builder(
            JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build()).build();

    @TempDir
    static Path ansibleHome;

    @BeforeAll
    static void requireAnsible() {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "ansible-inventory")));
        if (!found) {
            fail("ansible-inventory not found on PATH: install ansible-core (apt-get install ansible-core)");
        }
    }

    static Stream<Path> inventories() throws IOException, URISyntaxException {
        Path valid = Path.of(InventoryAnsibleParityTest.class.getResource("/inventory/valid").toURI());
        Path shipped = Path.of(System.getProperty("basedir", ".")).resolve("inventory/hosts.yaml");
        try (Stream<Path> files = Files.list(valid)) {
            return Stream.concat(files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream(),
                    Stream.of(shipped));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inventories")
    void listMatchesAnsible(Path file) throws Exception {
        String ansible = ansibleInventory(file, "--list");
        String nodefix = new InventoryListing().render(parse(file)) + "\n";

        Object expected = READER.anyFrom(ansible);
        Object actual = READER.anyFrom(nodefix);
        assertThat(actual).as("JSON tree").isEqualTo(expected);
        if (Files.readString(file).contains("# parity: tree-only")) {
            return; // ansible's own order is not stable for this input
        }
        assertThat(keyPaths(actual, "")).as("key order").containsExactlyElementsOf(keyPaths(expected, ""));
        assertThat(nodefix).as("JSON text").isEqualTo(ansible);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inventories")
    void graphMatchesAnsible(Path file) throws Exception {
        Inventory inventory = parse(file);
        Optional<String> nested = inventory.groups().values().stream()
                .filter(g -> !g.name().equals("all") && !g.children().isEmpty()).map(Group::name).findFirst();
        CompletableFuture<String> ansibleNested = nested.map(g -> CompletableFuture.supplyAsync(
                () -> ansibleInventory(file, "--graph", g))).orElse(null);

        assertThat(new InventoryGraph().render(inventory, null)).isEqualTo(ansibleInventory(file, "--graph"));
        if (nested.isPresent()) {
            assertThat(new InventoryGraph().render(inventory, nested.get()))
                    .as("--graph " + nested.get()).isEqualTo(ansibleNested.get());
        }
    }

    private static Inventory parse(Path file) {
        return new InventoryParser(Path.of("/home/test")).parse(file);
    }

    /** Every mapping key with its path, in document order. */
    private static List<String> keyPaths(Object node, String path) {
        List<String> paths = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                paths.add(path + "/" + k);
                paths.addAll(keyPaths(v, path + "/" + k));
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                paths.addAll(keyPaths(list.get(i), path + "[" + i + "]"));
            }
        }
        return paths;
    }

    private static String ansibleInventory(Path file, String... args) {
        try {
            return run(file, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String run(Path file, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ansible-inventory", "-i", file.toString()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile(ansibleHome, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
        Map<String, String> env = pb.environment();
        env.put("ANSIBLE_HOME", ansibleHome.toString());
        env.put("ANSIBLE_LOCAL_TEMP", ansibleHome.resolve("tmp").toString());
        env.put("ANSIBLE_INVENTORY_ENABLED", "yaml");
        env.put("ANSIBLE_INVENTORY_UNPARSED_FAILED", "true");
        env.put("ANSIBLE_NOCOLOR", "1");
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("ansible-inventory " + String.join(" ", args) + " failed on " + file + ":\n"
                    + Files.readString(stderr));
        }
        return out;
    }
}
