package dev.nodefix.vault;

import dev.nodefix.inventory.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * One case of {@code src/test/resources/vault/*-cases.yaml}: a fixture, the vault options and environment to
 * give, and what should come of it. {@code $F} in a path is the fixtures directory.
 */
record VaultCase(String name, String fixture, List<String> passwordFiles, List<String> vaultIds,
        Map<String, String> env, Map<String, Object> expect) {

    static final Path FIXTURES = resource("/vault/fixtures");

    @Override
    public String toString() {
        return name;
    }

    @SuppressWarnings("unchecked")
    static List<VaultCase> load(String resource) {
        List<Map<String, Object>> raw = (List<Map<String, Object>>) new Load(LoadSettings.builder().build())
                .loadFromString(read(resource(resource)));
        return raw.stream().map(m -> new VaultCase(
                (String) m.getOrDefault("name", m.get("fixture")),
                (String) m.get("fixture"),
                (List<String>) m.getOrDefault("password-files", List.of()),
                (List<String>) m.getOrDefault("vault-ids", List.of()),
                (Map<String, String>) m.getOrDefault("env", Map.of()),
                m)).toList();
    }

    /** The case's environment, with F naming the fixtures directory. */
    Map<String, String> environment() {
        Map<String, String> all = new HashMap<>(env);
        all.put("F", FIXTURES.toString());
        return all;
    }

    Vault vault(VaultPrompt prompt) {
        return new VaultConfig(vaultIds, passwordFiles, false).vault(environment(), FIXTURES, prompt);
    }

    Vault vault() {
        return vault(text -> Optional.empty());
    }

    /** A fixture as the inventory reader would hand it over (see {@link #vaulted()}). */
    static Vaulted vaulted(String fixture) {
        return new VaultCase(fixture, fixture, List.of(), List.of(), Map.of(), Map.of()).vaulted();
    }

    /** The fixture as the inventory reader would hand it over: the {@code x: !vault} scalar, or the whole file. */
    Vaulted vaulted() {
        Path file = FIXTURES.resolve(fixture);
        String text = read(file);
        if (!fixture.endsWith(".yml") || text.startsWith("$ANSIBLE_VAULT")) {
            return new Vaulted(text, new Location(fixture, 0, 0));
        }
        Node doc = new Compose(LoadSettings.builder().build()).composeString(text).orElseThrow();
        NodeTuple x = ((MappingNode) doc).getValue().get(0);
        ScalarNode value = (ScalarNode) x.getValueNode();
        var mark = value.getStartMark().orElseThrow();
        return new Vaulted(value.getValue(), new Location(fixture, mark.getLine() + 1, mark.getColumn() + 1));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(VaultCase.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
