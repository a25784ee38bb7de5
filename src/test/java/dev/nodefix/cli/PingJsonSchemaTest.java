package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.report.JsonSchemas;
import dev.nodefix.transport.FailureClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ping --json} and {@code run -a --json} against docs/schema/ping.schema.json (and run.schema.json): a host
 * that answered ok, one whose command failed, and one failing in each way a transport can fail.
 */
class PingJsonSchemaTest {
    private static final String INV = "src/test/resources/cli/three-hosts.yaml";
    private final JsonSchemas schemas = new JsonSchemas();

    private static CliRunner.Result run(ScriptedTransports hosts, String... args) {
        return new CliRunner().transports(settings -> hosts).run(args);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FailureClass.class)
    void pingFitsTheSchemaWhateverAHostFailedWith(FailureClass failure) throws Exception {
        ScriptedTransports hosts = new ScriptedTransports().answer("srv1", 0, "", "").answer("agt1", 1, "", "no\n")
                .refuse("agt2", failure);

        CliRunner.Result r = run(hosts, "ping", "-i", INV, "--json");

        schemas.assertValid("ping", r.out());
        Map<String, Object> root = JSON.std.mapFrom(r.out());
        assertThat(List.copyOf(root.keySet())).containsExactly("schema_version", "hosts", "summary");
        Map<?, ?> failed = (Map<?, ?>) ((Map<?, ?>) root.get("hosts")).get("agt2");
        assertThat(failed.get("failure")).isEqualTo(failure.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(failed.get("rc")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"uname -r", "false"})
    void aShellCommandsDocumentFitsTheRunSchema(String command) {
        ScriptedTransports hosts = new ScriptedTransports().answer("srv1", 0, "5.15.0\n", "")
                .answer("agt1", 3, "", "boom\n").refuse("agt2", FailureClass.REFUSED);

        CliRunner.Result r = run(hosts, "run", "-i", INV, "-a", command, "--json");

        schemas.assertValid("run", r.out());
        schemas.assertValid("ping", r.out());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"elapsedMs\"", "\"extra\""})
    void aKeyTheSchemaDoesNotNameFailsIt(String key) {
        ScriptedTransports hosts = new ScriptedTransports().answer("srv1", 0, "x\n", "");
        String json = run(hosts, "run", "-i", INV, "-l", "srv1", "-a", "true", "--json").out();

        assertThat(schemas.errors("ping", json.replace("\"elapsed_ms\"", key))).isNotEmpty();
    }
}
