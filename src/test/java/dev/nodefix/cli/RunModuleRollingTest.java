package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.journal.RunStore;
import dev.nodefix.report.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run -m --serial}: k3s servers one at a time, then the others in batches of that size, the health gate
 * after each batch that changed something, a failed gate stopping the run before the next batch; the batches are
 * recorded and the rollback rolls in them. Over scripted transports (their nodes answer no unit state, so the gate
 * fails on a k3s node and passes on hosts with no k3s role).
 */
class RunModuleRollingTest {
    private static final String THREE = "src/test/resources/cli/three-hosts.yaml";
    private static final String TOUCH = "cmd='touch /x' undo='rm -f /x'";

    @TempDir Path state;

    private CliRunner.Result run(ScriptedTransports hosts, String... args) {
        return new CliRunner().transports(settings -> hosts).env("XDG_STATE_HOME", state.toString()).run(args);
    }

    private static ScriptedTransports quiet(String... names) {
        ScriptedTransports hosts = new ScriptedTransports();
        for (String n : names) {
            hosts.answer(n, 0, "", "");
        }
        return hosts;
    }

    private List<List<String>> batchesOf(CliRunner.Result r) {
        String id = r.out().lines().filter(l -> l.startsWith("RUN ")).findFirst().orElseThrow().substring(4);
        return new RunStore(state.resolve("nodefix/runs")).find(id).orElseThrow().finished().orElseThrow().batches();
    }

    @Test
    void serialBatchesTheHostsWithAGateAfterEachAndTheRollbackRollsTheSame() throws Exception {
        Path inv = Files.writeString(state.resolve("inv.yaml"), """
                all:
                  hosts:
                    n1: {ansible_host: 192.0.2.21}
                    n2: {ansible_host: 192.0.2.22}
                    n3: {ansible_host: 192.0.2.23}
                """);
        ScriptedTransports hosts = quiet("n1", "n2", "n3");

        CliRunner.Result r = run(hosts, "run", "-i", inv.toString(), "-m", "command", "-a", TOUCH, "--serial", "2", "--yes");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("2 batch(es): n1, n2 | n3", "BATCH 1/2",
                "GATE  healthy  k3s active and node Ready: n1, n2", "BATCH 2/2",
                "GATE  healthy  k3s active and node Ready: n3");
        assertThat(batchesOf(r)).containsExactly(List.of("n1", "n2"), List.of("n3"));

        CliRunner.Result back = run(hosts, "rollback", "--last", "-i", inv.toString(), "--yes");
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(back.out()).contains("2 batch(es): n1, n2 | n3", "BATCH 1/2", "BATCH 2/2");
    }

    @Test
    void aFailingGateStopsTheRunBeforeTheNextBatch() {
        ScriptedTransports hosts = quiet("srv1", "agt1", "agt2");

        CliRunner.Result r = run(hosts, "run", "-i", THREE, "-m", "command", "-a", TOUCH, "--serial", "1", "--yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOST_FAILED);
        assertThat(r.out()).contains("3 batch(es): srv1 | agt1 | agt2", "BATCH 1/3",
                "  changed: [srv1]  run: touch /x", "GATE  failed  srv1: ", "STOPPED  health gate after batch 1 of play ",
                "agt1  ok=0    changed=0")
                .doesNotContain("BATCH 2/3", "changed: [agt1]");
        assertThat(hosts.commandsSeen.stream().filter(c -> c.contains("nodefix-journal") && c.endsWith(" touch /x")))
                .hasSize(1);
        assertThat(batchesOf(r)).containsExactly(List.of("srv1"));
    }

    @Test
    void aGateThatFailsAfterTheLastBatchFailsTheRunAndItsRecord() {
        ScriptedTransports hosts = quiet("srv1", "agt1", "agt2");

        CliRunner.Result r = run(hosts, "run", "-i", THREE, "-l", "srv1,agt1", "-m", "command", "-a", TOUCH,
                "--serial", "1", "--yes");

        assertThat(r.out()).as(r.toString()).contains("2 batch(es): srv1 | agt1",
                "STOPPED  health gate after batch 1 of play ");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOST_FAILED);
    }

    @Test
    void withoutSerialARunThatRestartsNoK3sGoesAtOnceAndABadSerialIsRefused() {
        ScriptedTransports hosts = quiet("srv1", "agt1", "agt2");

        CliRunner.Result r = run(hosts, "run", "-i", THREE, "-m", "command", "-a", TOUCH, "--yes");
        CliRunner.Result bad = run(hosts, "run", "-i", THREE, "-m", "command", "-a", TOUCH, "--serial", "many", "--yes");
        CliRunner.Result shell = run(hosts, "run", "-i", THREE, "-a", "true", "--serial", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1 batch(es): srv1, agt1, agt2").doesNotContain("BATCH 2", "GATE");
        assertThat(batchesOf(r)).containsExactly(List.of("srv1", "agt1", "agt2"));
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("--serial: a number of hosts (2) or a percentage (30%), got 'many'");
        assertThat(shell.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err()).contains("--serial are for modules");
    }
}
