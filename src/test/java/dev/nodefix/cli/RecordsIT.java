package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import dev.nodefix.report.ExitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected around the journal on real lab nodes, one case per way the records could contradict the nodes
 * (the locks' cases are in {@link LocksIT}); each asserts the nodes' state and what {@code runs}, {@code runs show}
 * and {@code rollback --last} say afterwards.
 */
class RecordsIT {
    private static final String OFF = "iface=flannel.1 features.tx-checksum-ip-generic=off";
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxr", "nfxrbr0", "10.99.64", "target/it-lab-nfxr");
    private final Lab lab = LAB.lab();

    @TempDir Path state;
    private LabChanges nodes;

    @BeforeEach
    void clean() {
        nodes = LAB.freshNodes(state);
        lab.names().forEach(n -> lab.exec(n, "sh", "-c", "ethtool -K flannel.1 tx-checksum-ip-generic on;"
                + " rm -f /etc/nodefix-records*"));
    }

    @Test
    void aRollbackThatMissedAnUnreachableNodeIsPartialAndRollbackLastFinishesIt() {
        String third = lab.names().get(2);
        Map<String, NodeSnapshot> before = nodes.snapshots();
        String applied = LabChanges.runId(nodes.nodefix("run", "-m", "ethtool", "-a", OFF, "--yes"));
        lab.stopSshd(third);
        CliRunner.Result partial;
        try {
            partial = nodes.nodefix("rollback", "--last", "--yes");
            CliRunner.Result runs = nodes.nodefix("runs");
            CliRunner.Result show = nodes.nodefix("runs", "show", applied);

            assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(ExitCode.HOST_UNREACHABLE);
            assertThat(nodes.offload(lab.names().get(0))).isEqualTo("on");
            assertThat(nodes.offload(third)).isEqualTo("off");
            assertThat(runs.out()).as(runs.toString()).contains(applied + " ").contains("partly: 2/3 hosts");
            assertThat(show.out()).as(show.toString()).contains("rolled back: partly: 2/3 hosts")
                    .contains(third + ": NOT rolled back: unreachable in rollback " + LabChanges.runId(partial));
        } finally {
            lab.startSshd(third);
        }
        CliRunner.Result check = nodes.nodefix("rollback", "--last", "--check");
        assertThat(check.out()).as(check.toString()).contains("PLAN rollback " + applied)
                .contains("change: [" + third + "]  flannel.1: tx-checksum-ip-generic off -> on");
        assertThat(check.err()).contains("run " + applied + " is rolled back on 2 of 3 hosts; not yet on: " + third);

        CliRunner.Result finish = nodes.nodefix("rollback", "--last", "--yes");
        assertThat(finish.exitCode()).as(finish.toString()).isZero();
        assertThat(nodes.snapshots()).isEqualTo(before);
        assertThat(nodes.nodefix("runs").out()).contains("yes, by " + LabChanges.runId(finish));
        assertThat(nodes.nodefix("runs", "show", applied).out()).contains(third + ": rolled back by " + LabChanges.runId(finish));
    }

    @Test
    void anIntentLineDeletedFromThisMachinesJournalRefusesTheRollbackUntilTold() throws Exception {
        String first = lab.names().get(0);
        Map<String, NodeSnapshot> before = nodes.snapshots();
        String applied = LabChanges.runId(nodes.nodefix("run", "-m", "ethtool", "-a", OFF, "--yes"));
        Path journal = state.resolve("nodefix/runs/" + applied + "/journal.jsonl");
        List<String> lines = Files.readAllLines(journal);
        lines.removeIf(l -> l.contains("\"host\":\"" + first + "\"") && l.contains("\"intent\""));
        Files.write(journal, lines);

        CliRunner.Result refused = nodes.nodefix("rollback", "--last", "--yes");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("do not agree, so nothing is rolled back")
                .contains(first + ": this machine's journal has an outcome for change #1 but not its intent line")
                .contains(first + ": change #1 (flannel.1: tx-checksum-ip-generic on -> off) is in the node's journal but not in this machine's")
                .contains("--force=nodes");
        lab.names().forEach(n -> assertThat(nodes.offload(n)).as(n).isEqualTo("off"));
        assertThat(nodes.nodefix("runs").out()).contains(applied + " ").doesNotContain("yes, by", "partly");
        assertThat(nodes.nodefix("rollback", "--last", "--check").err()).contains("the journals of run " + applied + " do not agree");

        CliRunner.Result trusted = nodes.nodefix("rollback", "--last", "--yes", "--force=nodes");
        assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
        assertThat(trusted.err()).contains("trusting nodes despite: " + first + ": this machine's journal has an outcome");
        assertThat(nodes.snapshots()).isEqualTo(before);
        assertThat(nodes.nodefix("runs").out()).contains("yes, by " + LabChanges.runId(trusted));
    }

    @Test
    void garbageAppendedToAJournalLineIsNamedNotMisread() throws Exception {
        String applied = LabChanges.runId(nodes.nodefix("run", "-m", "ethtool", "-a", OFF, "--yes"));
        Path journal = state.resolve("nodefix/runs/" + applied + "/journal.jsonl");
        List<String> lines = Files.readAllLines(journal);
        lines.set(2, lines.get(2) + "{\"phase\":\"done\",\"seq\":9}");
        Files.write(journal, lines);

        CliRunner.Result refused = nodes.nodefix("rollback", applied, "--yes");
        CliRunner.Result show = nodes.nodefix("runs", "show", applied);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains(journal + ":3: garbled journal line (not a journal line: text after its JSON object");
        assertThat(show.out()).contains("warning: " + journal + ":3: garbled journal line");
        lab.names().forEach(n -> assertThat(nodes.offload(n)).as(n).isEqualTo("off"));
    }

    @Test
    void aNodeWhoseJournalIsGoneIsNamedByFromNodesAndStaysOffered() {
        String second = lab.names().get(1);
        String applied = LabChanges.runId(nodes.nodefix("run", "-m", "ethtool", "-a", OFF, "--yes"));
        lab.exec(second, "rm", "-f", "/var/lib/nodefix/runs/" + applied + ".journal");

        CliRunner.Result refused = nodes.nodefix("rollback", applied, "--from-nodes", "--yes");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains(second + ": the node has no journal of run " + applied);
        lab.names().forEach(n -> assertThat(nodes.offload(n)).as(n).isEqualTo("off"));

        CliRunner.Result trusted = nodes.nodefix("rollback", applied, "--from-nodes", "--yes", "--force=nodes");
        assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
        assertThat(nodes.offload(lab.names().get(0))).isEqualTo("on");
        assertThat(nodes.offload(second)).isEqualTo("off");
        assertThat(nodes.nodefix("runs").out()).contains("partly: 2/3 hosts");
        assertThat(nodes.nodefix("runs", "show", applied).out()).contains(second + ": not rolled back");
        assertThat(nodes.nodefix("rollback", "--last", "--check").err()).contains("not yet on: " + second);
    }

    @Test
    void oneCorruptRunJsonIsListedUnreadableAndTheOtherRunsStillWork() throws Exception {
        String older = LabChanges.runId(nodes.nodefix("run", "-m", "ethtool", "-a", OFF, "--yes"));
        String newer = LabChanges.runId(nodes.nodefix("run", "-l", lab.names().get(0), "-m", "file", "-a",
                "path=/etc/nodefix-records.conf content=x", "--yes"));
        Files.writeString(state.resolve("nodefix/runs/" + newer + "/run.json"), "{\"id\": \"" + newer + "\", trunc");

        CliRunner.Result runs = nodes.nodefix("runs");
        assertThat(runs.exitCode()).as(runs.toString()).isZero();
        assertThat(runs.out()).contains(older + " ").containsPattern(newer + " +unreadable: cannot read .*run.json");

        CliRunner.Result rollback = nodes.nodefix("rollback", "--last", "--yes");
        assertThat(rollback.err()).as(rollback.toString()).contains("run " + newer + " is unreadable and not considered for --last");
        assertThat(rollback.out()).contains("PLAN rollback " + older);
        lab.names().forEach(n -> assertThat(nodes.offload(n)).as(n).isEqualTo("on"));
        assertThat(nodes.nodefix("runs").out()).contains("yes, by " + LabChanges.runId(rollback));
    }

    @Test
    void rollingBackARunAgainNeverUndoesWhatALaterRunDid() {
        String node = lab.names().get(0);
        String a = LabChanges.runId(nodes.nodefix("run", "-l", node, "-m", "file", "-a",
                "path=/etc/nodefix-records.conf content='ours\n'", "--yes"));
        String undoA = LabChanges.runId(nodes.nodefix("rollback", a, "--yes"));
        String b = LabChanges.runId(nodes.nodefix("run", "-l", node, "-m", "file", "-a",
                "path=/etc/nodefix-records.conf content='ours\n'", "--yes"));

        CliRunner.Result again = nodes.nodefix("rollback", a, "--yes");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("undone already by rollback " + undoA + "; run " + b + " changed it since")
                .contains("nothing to change");
        assertThat(lab.exec(node, "cat", "/etc/nodefix-records.conf")).isEqualTo("ours\n");
        List<String> runs = nodes.nodefix("runs").out().lines().toList();
        assertThat(runs).filteredOn(l -> l.startsWith(b + " ")).singleElement().asString().contains(" no ");
        assertThat(runs).filteredOn(l -> l.startsWith(a + " ")).singleElement().asString().contains(" yes, by ");
        assertThat(nodes.nodefix("rollback", "--last", "--check").out()).contains("PLAN rollback " + b)
                .contains("change: [" + node + "]  ");
    }

    @Test
    void aChangeStillRunningFromAKilledRunIsReportedAndItsLockCanBeClearedOnceItEnds() throws Exception {
        String node = lab.names().get(1);
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", lab.repo().resolve("target/nodefix.jar").toString(), "run",
                "-i", lab.inventory().toString(), "-l", node, "-m", "command", "-a",
                "cmd='sleep 6; touch /etc/nodefix-records-late' undo='rm -f /etc/nodefix-records-late'", "--yes")
                .redirectErrorStream(true).redirectOutput(state.resolve("run.out").toFile())
                .directory(lab.repo().toFile());
        builder.environment().put("XDG_STATE_HOME", state.toString());
        Process run = builder.start();
        awaitIntent(node);
        run.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        String id = Files.readString(state.resolve("run.out"), StandardCharsets.UTF_8).replaceFirst("(?s).*RUN (\\S+).*", "$1");

        try {
            CliRunner.Result during = nodes.nodefix("rollback", id, "--yes");
            assertThat(during.exitCode()).as(during.toString()).isEqualTo(ExitCode.HOST_FAILED);
            assertThat(during.out()).contains("is still running on the node").doesNotContain("nothing to change")
                    .contains("nothing changed: 1 host(s) refused or failed");
            assertThat(during.err()).contains(node + ": change #1 of run " + id + " is still running on the node (pid ");
            CliRunner.Result keep = nodes.nodefix("unlock", "-l", node);
            assertThat(keep.exitCode()).as(keep.toString()).isEqualTo(ExitCode.HOST_FAILED);
            assertThat(keep.out()).contains(node + "  kept  locked by run " + id).contains("still running on the node");

            awaitFile(node, "/etc/nodefix-records-late");
            CliRunner.Result unlock = nodes.nodefix("unlock", "-l", node);
            assertThat(unlock.exitCode()).as(unlock.toString()).isZero();
            assertThat(unlock.out()).contains("its nodefix process").contains("is gone").contains(node + "  unlocked");
            CliRunner.Result after = nodes.nodefix("rollback", id, "--yes");
            assertThat(after.exitCode()).as(after.toString()).isZero();
            assertThat(lab.exec(node, "ls", "/etc")).doesNotContain("nodefix-records-late");
            assertThat(nodes.nodefix("runs").out()).contains("yes, by " + LabChanges.runId(after));
        } finally { // the dead run's command must not land in the next test
            lab.exec(node, "sh", "-c", "for i in $(seq 150); do ls /var/lib/nodefix/inflight/* >/dev/null 2>&1 || break;"
                    + " sleep 0.1; done; rm -f /etc/nodefix-records-late");
        }
    }

    private void awaitIntent(String node) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (lab.exec(node, "sh", "-c", "cat /var/lib/nodefix/runs/*.journal 2>/dev/null; true").contains("\"intent\"")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no run started on " + node);
    }

    private void awaitFile(String node, String path) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (lab.exec(node, "sh", "-c", "[ -e " + path + " ] && echo yes; true").contains("yes")) {
                Thread.sleep(500); // its journal's done line follows the file
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never appeared on " + node);
    }
}
