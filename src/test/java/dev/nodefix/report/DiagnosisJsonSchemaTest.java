package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.diagnose.DiagnoseCase;
import dev.nodefix.diagnose.Diagnoser;
import dev.nodefix.diagnose.RemediationPolicy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code diagnose --json} of every diagnose case (docs/schema/diagnose.schema.json), and what the schema refuses. */
class DiagnosisJsonSchemaTest {
    private final JsonSchemas schemas = new JsonSchemas();

    static Stream<DiagnoseCase> cases() throws IOException, URISyntaxException {
        return FactsJsonSchemaTest.cases();
    }

    private static String render(DiagnoseCase c) {
        return new DiagnosisJson().render(Diagnoser.standard(new RemediationPolicy(c.keepOffload())).diagnose(c.hosts()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCasesDiagnosisFitsTheSchema(DiagnoseCase c) {
        schemas.assertValid("diagnose", render(c));
    }

    @Test
    void anOldLegNameOrAMissingVersionFailsTheSchema() throws Exception {
        String json = render(cases().filter(c -> c.name().equals("affected-lab")).findFirst().orElseThrow());
        assertThat(json).contains("\"kept_off\"");

        assertThat(schemas.errors("diagnose", json.replace("\"kept_off\"", "\"kept-off\""))).isNotEmpty();
        assertThat(schemas.errors("diagnose", json.replace("\"schema_version\" : 1,", ""))).isNotEmpty();
        assertThat(schemas.errors("diagnose", json.replace("\"schema_version\" : 1", "\"schema_version\" : 2"))).isNotEmpty();
    }
}
