package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modules applied to real lab nodes, rolled back, and the nodes compared with their state before: overlay
 * files (content, mode, owner), flannel.1 offloads, units. Also the journal's promises: rollback twice is a
 * no-op, rollback from the nodes' journals alone, conflicts left alone unless forced.
 */
class ChangesIT {
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxc", "nfxcbr0", "10.99.41", "target/it-changes");
    private final Lab lab = LAB.lab();

    @TempDir Path state;
    private LabChanges nodes;

    @BeforeEach
    void clean() {
        nodes = LAB.freshNodes(state);
    }

    @Test
    void ethtoolChangeAppliesAndRollsBackExactly() {
        Map<String, NodeSnapshot> before = nodes.snapshots();
        CliRunner.Result applied = nodes.nodefix("run", "-m", "ethtool", "-a", "iface=flannel.1 features.tx-checksum-ip-generic=off",
                "--yes");

        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        for (String node : lab.names()) {
            assertThat(nodes.offload(node)).as(node).isEqualTo("off");
        }
        CliRunner.Result again = nodes.nodefix("run", "-m", "ethtool", "-a", "iface=flannel.1 features.tx-checksum-ip-generic=off",
                "--yes");
        assertThat(again.out()).as(again.toString()).contains("nothing to change").doesNotContain("RUN ");

        CliRunner.Result rollback = nodes.nodefix("rollback", "--last", "--yes");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(nodes.snapshots()).isEqualTo(before);
        CliRunner.Result twice = nodes.nodefix("rollback", LabChanges.runId(applied), "--yes");
        assertThat(twice.exitCode()).as(twice.toString()).isZero();
        assertThat(twice.out()).contains("nothing to change").contains("undone already by rollback " + LabChanges.runId(rollback));
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    @Test
    void fileChangesRestoreContentModeAndOwnerByteForByte() {
        String node = lab.names().get(1);
        lab.exec(node, "sh", "-c", "printf 'keep: 1\\n' > /etc/nodefix-it.conf; chmod 600 /etc/nodefix-it.conf;"
                + " chown nobody:nogroup /etc/nodefix-it.conf");
        Map<String, NodeSnapshot> before = nodes.snapshots();

        CliRunner.Result updated = nodes.nodefix("run", "-l", node, "-m", "file", "-a",
                "path=/etc/nodefix-it.conf content='changed: 2\n' mode=0640", "--yes", "--diff");
        CliRunner.Result created = nodes.nodefix("run", "-l", node, "-m", "file", "-a",
                "path=/etc/nodefix-it-new.conf content='new\n'", "--yes");

        assertThat(updated.exitCode()).as(updated.toString()).isZero();
        assertThat(updated.out()).contains("-keep: 1", "+changed: 2", "mode 600, nobody:nogroup -> mode 640, nobody:nogroup");
        assertThat(lab.exec(node, "stat", "-c", "%a %U:%G", "/etc/nodefix-it.conf").strip()).isEqualTo("640 nobody:nogroup");
        assertThat(lab.exec(node, "cat", "/etc/nodefix-it-new.conf")).isEqualTo("new\n");

        assertThat(nodes.nodefix("rollback", LabChanges.runId(created), "--yes").exitCode()).isZero();
        assertThat(nodes.nodefix("rollback", LabChanges.runId(updated), "--yes").exitCode()).isZero();
        assertThat(nodes.snapshots()).isEqualTo(before);
        assertThat(lab.exec(node, "stat", "-c", "%a %U:%G", "/etc/nodefix-it.conf").strip()).isEqualTo("600 nobody:nogroup");
        lab.exec(node, "rm", "-f", "/etc/nodefix-it.conf");
    }

    @Test
    void rollbackWorksFromTheNodesJournalsWhenTheControllersCopyIsGone() throws Exception {
        Map<String, NodeSnapshot> before = nodes.snapshots();
        CliRunner.Result applied = nodes.nodefix("run", "-m", "ethtool", "-a", "iface=flannel.1 features.tx-checksum-ip-generic=off",
                "--yes");
        String id = LabChanges.runId(applied);
        deleteTree(state.resolve("nodefix/runs").resolve(id));

        CliRunner.Result rollback = nodes.nodefix("rollback", id, "--yes");

        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).contains("tx-checksum-ip-generic off -> on");
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    @Test
    void aFileChangedByHandSinceTheRunIsAConflictLeftAloneUnlessForced() {
        String node = lab.names().get(0);
        Map<String, NodeSnapshot> before = nodes.snapshots();
        CliRunner.Result applied = nodes.nodefix("run", "-l", node, "-m", "file", "-a", "path=/etc/nodefix-conflict.conf content=ours",
                "--yes");
        lab.exec(node, "sh", "-c", "echo theirs > /etc/nodefix-conflict.conf");

        CliRunner.Result refused = nodes.nodefix("rollback", LabChanges.runId(applied), "--yes");
        assertThat(refused.out()).as(refused.toString()).contains("conflict: create /etc/nodefix-conflict.conf");
        assertThat(lab.exec(node, "cat", "/etc/nodefix-conflict.conf")).isEqualTo("theirs\n");

        CliRunner.Result forced = nodes.nodefix("rollback", LabChanges.runId(applied), "--yes", "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    @Test
    void runsListsEachRunAndShowsItsChanges() {
        CliRunner.Result applied = nodes.nodefix("run", "-m", "ethtool", "-a", "iface=flannel.1 features.tx-checksum-ip-generic=off",
                "--yes");
        nodes.nodefix("rollback", "--last", "--yes");

        CliRunner.Result runs = nodes.nodefix("runs");
        CliRunner.Result show = nodes.nodefix("runs", "show", LabChanges.runId(applied));

        assertThat(runs.out()).contains(LabChanges.runId(applied) + " ").contains("yes, by ").contains("undoes " + LabChanges.runId(applied));
        assertThat(show.out()).contains("#1 done       flannel.1: tx-checksum-ip-generic on -> off",
                "+flannel.1 tx-checksum-ip-generic: off");
    }

    @Test
    void aSecondRunOnALockedNodeFailsFastNamingTheRunThatHoldsIt() throws Exception {
        String node = lab.names().get(0);
        java.util.concurrent.CompletableFuture<CliRunner.Result> slow = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> nodes.nodefix("run", "-l", node, "-m", "command", "-a", "cmd='sleep 4' undo=true", "--yes"));
        awaitJournal(node);

        CliRunner.Result second = nodes.nodefix("run", "-l", node, "-m", "ethtool", "-a",
                "iface=flannel.1 features.tx-checksum-ip-generic=off", "--yes");
        CliRunner.Result first = slow.get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(2);
        assertThat(second.out()).contains("failed: [" + node + "]  locked by run " + LabChanges.runId(first));
        assertThat(nodes.offload(node)).isEqualTo("on");
    }

    @Test
    void aNodeThatDroppedMidRunIsRolledBackByWhatItsJournalSays() throws Exception {
        String node = lab.names().get(1);
        java.util.concurrent.CompletableFuture<CliRunner.Result> run = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> nodes.nodefix("run", "-l", node, "-m", "command", "-a",
                        "cmd='touch /etc/nodefix-mid; sleep 30' undo='rm -f /etc/nodefix-mid'", "--yes"));
        awaitJournal(node);
        Thread.sleep(1000);
        lab.stopSshd(node);
        CliRunner.Result dropped = run.get(60, java.util.concurrent.TimeUnit.SECONDS);
        lab.startSshd(node);
        String id = LabChanges.runId(dropped);

        assertThat(dropped.exitCode()).as(dropped.toString()).isIn(2, 4);
        String journal = lab.exec(node, "cat", "/var/lib/nodefix/runs/" + id + ".journal");
        assertThat(journal).contains("\"phase\":\"intent\"").doesNotContain("\"phase\":\"done\"");
        assertThat(lab.exec(node, "ls", "/etc/")).contains("nodefix-mid");

        // the dropped session's command still runs on the node: never "nothing to change", never undone under it
        CliRunner.Result running = nodes.nodefix("rollback", id, "--yes", "--force");
        assertThat(running.out()).as(running.toString()).contains("is still running on the node")
                .doesNotContain("nothing to change");
        java.util.regex.Matcher pid = java.util.regex.Pattern.compile("still running on the node \\(pid (\\d+)\\)")
                .matcher(running.err());
        assertThat(pid.find()).as(running.err()).isTrue();
        lab.exec(node, "kill", pid.group(1)); // its journaling shell: the change is now unfinished, not running

        CliRunner.Result unsure = nodes.nodefix("rollback", id, "--yes");
        assertThat(unsure.out()).as(unsure.toString()).contains("skip: run: touch /etc/nodefix-mid; sleep 30 (unfinished");
        CliRunner.Result locked = nodes.nodefix("rollback", id, "--yes", "--force");
        assertThat(locked.out()).as(locked.toString()).contains("locked by run " + id);
        CliRunner.Result forced = nodes.nodefix("rollback", id, "--yes", "--force", "--break-lock");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(lab.exec(node, "ls", "/etc/")).doesNotContain("nodefix-mid");
    }

    /** Waits until a run has started its journal on the node (it holds the lock from then on). */
    private void awaitJournal(String node) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (lab.exec(node, "sh", "-c", "cat /var/lib/nodefix/runs/*.journal 2>/dev/null; true").contains("\"intent\"")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no run started on " + node);
    }


    private static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
