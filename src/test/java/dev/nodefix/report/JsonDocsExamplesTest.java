package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example documents of docs/json.md, each marked {@code <!-- schema: NAME -->} before its {@code ```json} block,
 * validate against docs/schema/NAME.schema.json, so the page and the schemas cannot drift apart.
 */
class JsonDocsExamplesTest {
    private static final Path DOC = Path.of("docs/json.md");
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- schema: ([a-z-]+) -->\\s*(?:<details><summary>[^\\n]*</summary>\\s*)?```json\\n(.*?)\\n```", Pattern.DOTALL);

    record Example(String schema, int line, String json) {
        @Override
        public String toString() {
            return schema + " (docs/json.md line " + line + ")";
        }
    }

    static List<Example> examples() throws IOException {
        String doc = Files.readString(DOC);
        List<Example> out = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(doc);
        while (m.find()) {
            int line = (int) doc.substring(0, m.start(2)).lines().count();
            out.add(new Example(m.group(1), line, m.group(2)));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theExampleFitsItsSchema(Example e) throws IOException {
        new JsonSchemas().assertValid(e.schema(), e.json());
        Map<String, Object> root = JSON.std.mapFrom(e.json());
        assertThat(root.keySet().iterator().next()).as(e + ": schema_version first").isEqualTo("schema_version");
    }

    @Test
    void everyJsonBlockIsAMarkedExampleAndEveryCommandSchemaHasOne() throws IOException {
        String doc = Files.readString(DOC);
        List<Example> examples = examples();
        assertThat(doc.split("```json", -1).length - 1).as("every ```json block of docs/json.md has a schema marker")
                .isEqualTo(examples.size());
        try (Stream<Path> files = Files.list(JsonSchemas.DIR)) {
            List<String> schemas = files.map(p -> p.getFileName().toString().replaceFirst("\\.schema\\.json$", ""))
                    .filter(s -> !s.equals("change")).sorted().toList();
            assertThat(examples.stream().map(Example::schema).distinct()).containsAll(schemas);
        }
    }
}
