package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.diagnose.DiagnoseCase;
import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.NodeFacts;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code facts --json} against docs/schema/facts.schema.json: the facts of every diagnose case (each host as the
 * collector's text gives it, unreachable hosts too) and of every captured lab node, and the shipped schema is the
 * one the fact model makes ({@code -Dnodefix.updateGolden=true} rewrites it).
 */
class FactsJsonSchemaTest {
    private final JsonSchemas schemas = new JsonSchemas();

    static Stream<DiagnoseCase> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(FactsJsonSchemaTest.class.getResource("/diagnose").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(DiagnoseCase::load).toList().stream();
        }
    }

    @Test
    void theShippedSchemaIsTheOneTheFactModelMakes() throws IOException {
        String generated = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES)
                .asString(FactsSchema.document()) + "\n";
        Path shipped = JsonSchemas.file("facts");
        if (Boolean.getBoolean("nodefix.updateGolden")) {
            Files.writeString(shipped, generated);
        }
        assertThat(Files.readString(shipped)).as("docs/schema/facts.schema.json; -Dnodefix.updateGolden=true rewrites it")
                .isEqualTo(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFactsOfEveryDiagnoseCaseFitTheSchema(DiagnoseCase c) {
        schemas.assertValid("facts", new FactsJson().render(c.hosts()));
    }

    @Test
    void theFactsOfEveryCapturedLabNodeFitTheSchema() throws Exception {
        Path dir = Path.of(FactsJsonSchemaTest.class.getResource("/facts/_captured").toURI());
        List<HostFacts> hosts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                hosts.add(new HostFacts.Collected(f.getFileName().toString(), NodeFacts.parse(Files.readString(f))));
            }
        }
        assertThat(hosts).hasSizeGreaterThan(3);
        schemas.assertValid("facts", new FactsJson().render(hosts));
    }

    @Test
    void anUndocumentedOrCamelCaseKeyFailsTheSchema() throws Exception {
        Path one = Path.of(FactsJsonSchemaTest.class.getResource("/facts/_captured/affected-agent").toURI());
        String json = new FactsJson().render(List.of(new HostFacts.Collected("n1", NodeFacts.parse(Files.readString(one)))));
        Map<String, Object> root = JSON.std.mapFrom(json);
        Map<String, Object> facts = facts(root);
        assertThat(facts).containsKey("os_release").doesNotContainKey("osRelease");
        Map<String, Object> renamed = new LinkedHashMap<>(facts);
        renamed.put("osRelease", renamed.remove("os_release"));
        assertThat(schemas.errors("facts", withFacts(root, renamed))).isNotEmpty();
        Map<String, Object> nested = new LinkedHashMap<>(facts);
        Map<String, Object> os = new LinkedHashMap<>(map(nested.get("os_release")));
        os.put("extra", "x");
        nested.put("os_release", os);
        assertThat(schemas.errors("facts", withFacts(root, nested))).isNotEmpty();
    }

    private static String withFacts(Map<String, Object> root, Map<String, Object> facts) throws IOException {
        Map<String, Object> copy = new LinkedHashMap<>(root);
        Map<String, Object> host = new LinkedHashMap<>(map(map(root.get("hosts")).get("n1")));
        host.put("facts", facts);
        copy.put("hosts", Map.of("n1", host));
        return JSON.std.asString(copy);
    }

    private static Map<String, Object> facts(Map<String, Object> root) {
        return map(map(map(root.get("hosts")).get("n1")).get("facts"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
