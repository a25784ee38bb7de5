package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.report.PlayTextTest.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The play document of every {@code report/play} case against docs/schema/play.schema.json, and against the
 * schemas of the commands that print it ({@code run -m}, {@code rollback}).
 */
class PlayJsonSchemaTest {
    private final JsonSchemas schemas = new JsonSchemas();

    static java.util.stream.Stream<Golden> json() {
        return PlayJsonTest.json();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("json")
    void everyCaseFitsThePlaySchemaAndTheCommandsThatPrintIt(Golden g) {
        String json = g.c().render("json");
        schemas.assertValid("play", json);
        schemas.assertValid("run", json);
        schemas.assertValid("rollback", json);
    }

    @Test
    void aChangeInTheOldShapeFailsTheSchema() {
        String json = PlayJsonTest.json().filter(g -> g.c().render("json").contains("\"describe\"")).findFirst()
                .orElseThrow().c().render("json");

        assertThat(schemas.errors("play", json.replaceFirst("\"describe\"", "\"description\""))).isNotEmpty();
        assertThat(schemas.errors("play", json.replaceFirst("\"kind\" : \"[a-z-]+\"", "\"kind\" : \"reboot\""))).isNotEmpty();
    }
}
