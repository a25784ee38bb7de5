package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * Host names from {@code cli/untrusted/inv.yaml} (a newline, an escape sequence) and node output holding escape
 * sequences and carriage returns are printed escaped: no output line can be forged and no terminal control
 * reaches the terminal.
 */
class UntrustedOutputTest {
    @TempDir
    Path home;

    @Test
    void hostNamesAndRemoteOutputArePrintedEscaped() {
        ScriptedTransports hosts = new ScriptedTransports()
                .answer("node1\nnode9 | ok | rc=0 >>", 0, "\u001b[31mred\u001b[0m\rforged\n", "")
                .answer("node2\u001b7\u009b", 0, "plain\n", "\u001b]0;title\u0007");

        CliRunner.Result r = new CliRunner().home(home).transports(s -> hosts)
                .run("run", "-i", "src/test/resources/cli/untrusted/inv.yaml", "-a", "uname", "--no-color");

        assertThat(r.out()).as(r.toString()).doesNotContain("\u001b", "\r", "\u0007", "\u009b");
        assertThat(r.out().lines()).as(r.toString()).noneMatch(l -> l.startsWith("node9"));
        assertThat(r.out()).contains("node1\\nnode9 | ok | rc=0 >> | ok", "\\e[31mred\\e[0m\\rforged",
                "node2\\e7\\x9b | ok", "\\e]0;title\\x07");
    }

    /** A backend value read from a node's net-conf.json (JSON escapes decoded) reaches messages and leg readings. */
    @Test
    void diagnosisQuotingNodeValuesIsPrintedEscaped() {
        CliRunner.Result r = new CliRunner().home(home)
                .run("diagnose", "--from", "src/test/resources/cli/untrusted/capture", "--explain", "--no-color");

        assertThat(r.out()).as(r.toString()).contains("host\\e[2J\\e]0;owned\\x07-gw\\nnode9: not-affected")
                .doesNotContain("\u001b", "\u0007");
        assertThat(r.out().lines()).as(r.toString()).noneMatch(l -> l.startsWith("node9"));
    }
}
