package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A value given with {@code -e} that a shell would run ({@code $(touch /run/x)}) reaches the node as text, never
 * as a command, through the {@code quote} filter and through {@code command}'s {@code argv} form
 * ({@code cli/quoting/}).
 */
class TemplateQuotingTest {
    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"quote-filter.yaml", "argv.yaml"})
    void aSubstitutionInAValueReachesTheNodeSingleQuoted(String book) {
        String dir = "src/test/resources/cli/quoting/";
        ScriptedTransports hosts = new ScriptedTransports();

        CliRunner.Result r = new CliRunner().home(home).transports(s -> hosts)
                .run("play", dir + book, "-i", dir + "inv.yaml", "--yes", "-e", "{\"msg\": \"$(touch /run/x) it's\"}");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("changed: [node1]  run: logger '$(touch /run/x) it'\"'\"'s'");
        assertThat(hosts.commandsSeen).as(r.toString())
                .anySatisfy(c -> assertThat(c).contains("/bin/sh -c 'logger '\"'\"'$(touch /run/x) it'"))
                .noneSatisfy(c -> assertThat(c).contains("logger $(touch"));
    }
}
