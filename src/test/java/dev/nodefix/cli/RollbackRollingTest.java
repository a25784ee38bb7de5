package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.RunStore;
import dev.nodefix.report.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollback of a rolling run rolls in the run's batches (run.json's "batches"), servers first, with the health
 * gate after each batch; a gate that fails stops it before the next batch, over scripted transports (whose nodes
 * answer no unit state, so the gate fails). A passing gate is in the lab: RollbackRollingIT.
 */
class RollbackRollingTest {
    private static final String INV = "src/test/resources/cli/three-hosts.yaml";

    @TempDir Path state;

    private CliRunner.Result run(ScriptedTransports hosts, String... args) {
        return new CliRunner().transports(settings -> hosts).env("XDG_STATE_HOME", state.toString()).run(args);
    }

    private static ScriptedTransports quiet() {
        return new ScriptedTransports().answer("srv1", 0, "", "").answer("agt1", 0, "", "").answer("agt2", 0, "", "");
    }

    /** The run as if it had gone in these batches. */
    private void ranIn(String id, List<List<String>> batches) {
        RunStore store = new RunStore(state.resolve("nodefix/runs"));
        RunMeta meta = store.find(id).orElseThrow();
        RunMeta.Outcome o = meta.finished().orElseThrow();
        store.writeMeta(meta.finish(new RunMeta.Outcome(o.at(), o.changed(), o.failed(), o.unreachable(), o.ends(),
                batches)));
    }

    private String applied(ScriptedTransports hosts) {
        CliRunner.Result r = run(hosts, "run", "-i", INV, "-m", "command", "-a", "cmd='touch /x' undo='rm -f /x'",
                "--yes");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.out().lines().filter(l -> l.startsWith("RUN ")).findFirst().orElseThrow().substring(4);
    }

    @Test
    void aRollingPlayIsRecordedInTheBatchesThatChangedAndRolledBackInThem() throws Exception {
        Path inv = Files.writeString(state.resolve("inv.yaml"), """
                all:
                  hosts:
                    n1: {ansible_host: 192.0.2.21}
                    n2: {ansible_host: 192.0.2.22}
                    n3: {ansible_host: 192.0.2.23}
                """);
        Path book = Files.writeString(state.resolve("rolling.yaml"), """
                - name: check first, at once
                  hosts: all
                  gather_facts: false
                  tasks:
                    - name: a look that changes nothing
                      command: {cmd: "true"}
                      changed_when: "false"
                - name: one at a time
                  hosts: all
                  serial: 1
                  gather_facts: false
                  tasks:
                    - name: marker
                      command: {cmd: "touch /x", undo: "rm -f /x"}
                """);
        ScriptedTransports hosts = new ScriptedTransports().answer("n1", 0, "", "").answer("n2", 0, "", "")
                .answer("n3", 0, "", "");
        CliRunner.Result played = run(hosts, "play", book.toString(), "-i", inv.toString(), "--yes");
        assertThat(played.exitCode()).as(played.toString()).isZero();
        String id = played.out().lines().filter(l -> l.startsWith("RUN ")).findFirst().orElseThrow().substring(4);
        assertThat(new RunStore(state.resolve("nodefix/runs")).find(id).orElseThrow().finished().orElseThrow()
                .batches()).containsExactly(List.of("n1"), List.of("n2"), List.of("n3"));

        CliRunner.Result r = run(hosts, "rollback", id, "-i", inv.toString(), "--yes");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        String out = r.out();
        assertThat(out).contains("3 batch(es): n1 | n2 | n3", "BATCH 1/3", "BATCH 2/3", "BATCH 3/3",
                "GATE  healthy  k3s active and node Ready: n3");
        assertThat(out.indexOf("BATCH 1/3")).isLessThan(out.indexOf("changed: [n1]  run: rm -f /x"));
        assertThat(out.indexOf("changed: [n1]  run: rm -f /x")).isLessThan(out.indexOf("GATE  healthy  k3s active and node Ready: n1"));
        assertThat(out.indexOf("GATE  healthy  k3s active and node Ready: n1")).isLessThan(out.indexOf("BATCH 2/3"));
        assertThat(out.indexOf("BATCH 2/3")).isLessThan(out.indexOf("changed: [n2]  run: rm -f /x"));
    }

    @Test
    void aRunAppliedAtOnceIsRecordedSoAndRolledBackAtOnceWithoutAGate() {
        ScriptedTransports hosts = quiet();
        String id = applied(hosts);
        assertThat(new RunStore(state.resolve("nodefix/runs")).find(id).orElseThrow().finished().orElseThrow()
                .batches()).containsExactly(List.of("srv1", "agt1", "agt2"));

        CliRunner.Result r = run(hosts, "rollback", id, "-i", INV, "--yes");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain("BATCH 2", "GATE").contains("1 batch(es): srv1, agt1, agt2",
                "changed: [srv1]  run: rm -f /x", "changed: [agt1]  run: rm -f /x", "changed: [agt2]  run: rm -f /x");
    }

    @Test
    void aFailingGateStopsTheRollbackBeforeTheNextBatch() {
        ScriptedTransports hosts = quiet();
        String id = applied(hosts);
        ranIn(id, List.of(List.of("agt2"), List.of("agt1"), List.of("srv1")));

        CliRunner.Result r = run(hosts, "rollback", id, "-i", INV, "--yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOST_FAILED);
        String out = r.out();
        assertThat(out).contains("3 batch(es): srv1 | agt2 | agt1", "BATCH 1/3", "changed: [srv1]  run: rm -f /x",
                "GATE  failed  srv1: ", "STOPPED  health gate after batch 1 of play \"rollback " + id + "\" failed: srv1: ")
                .doesNotContain("BATCH 2/3", "changed: [agt1]", "changed: [agt2]")
                .contains("agt1  ok=0    changed=0", "agt2  ok=0    changed=0");
        assertThat(out.indexOf("GATE  failed")).isGreaterThan(out.indexOf("changed: [srv1]  run: rm -f /x"));
        assertThat(hosts.commandsSeen.stream().filter(c -> c.contains("nodefix-journal") && c.endsWith(" rm -f /x")))
                .hasSize(1);

        CliRunner.Result json = run(hosts, "rollback", "--last", "-i", INV, "--yes", "--json");
        assertThat(json.out()).as(json.toString()).contains("\"stopped\" : \"health gate after batch 1 of play ");
        new dev.nodefix.report.JsonSchemas().assertValid("rollback", json.out());
    }

    @Test
    void aRollbackHonoursMaxFailPercentage() throws Exception {
        Path inv = Files.writeString(state.resolve("inv.yaml"), """
                all:
                  hosts:
                    n1: {ansible_host: 192.0.2.21}
                    n2: {ansible_host: 192.0.2.22}
                    n3: {ansible_host: 192.0.2.23}
                """);
        ScriptedTransports hosts = new ScriptedTransports().answer("n1", 0, "", "").answer("n2", 0, "", "")
                .answer("n3", 0, "", "");
        CliRunner.Result applied = run(hosts, "run", "-i", inv.toString(), "-m", "command", "-a",
                "cmd='touch /x' undo='rm -f /x'", "--serial", "1", "--yes");
        String id = applied.out().lines().filter(l -> l.startsWith("RUN ")).findFirst().orElseThrow().substring(4);
        hosts.answer("n2", 1, "", "rm: cannot remove");

        CliRunner.Result stopped = run(hosts, "rollback", id, "-i", inv.toString(), "--yes", "--max-fail-percentage", "0");
        CliRunner.Result bad = run(hosts, "rollback", id, "-i", inv.toString(), "--max-fail-percentage", "101");

        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.HOST_FAILED);
        assertThat(stopped.out()).contains("3 batch(es): n1 | n2 | n3", "changed: [n1]  run: rm -f /x", "failed: [n2]",
                "STOPPED  1 of 1 host(s) of the batch failed, above max_fail_percentage 0")
                .doesNotContain("BATCH 3/3", "changed: [n3]");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);

        CliRunner.Result goesOn = run(hosts, "rollback", id, "-i", inv.toString(), "--yes");
        assertThat(goesOn.out()).as(goesOn.toString()).contains("failed: [n2]", "BATCH 2/2", "changed: [n3]  run: rm -f /x")
                .doesNotContain("STOPPED");
    }
}
