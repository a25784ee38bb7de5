package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.report.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node locks on real lab nodes: a full /var/lib takes no lock (never one with an empty holder), --break-lock
 * reaches hosts with nothing to change or undo, and {@code nodefix unlock} removes only what it may.
 */
class LocksIT {
    private static final String OFF = "iface=flannel.1 features.tx-checksum-ip-generic=off";
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxr", "nfxrbr0", "10.99.64", "target/it-lab-nfxr");
    private final Lab lab = LAB.lab();

    @TempDir Path state;
    private LabChanges nodes;

    @BeforeEach
    void clean() {
        nodes = LAB.freshNodes(state);
        lab.names().forEach(n -> lab.exec(n, "ethtool", "-K", "flannel.1", "tx-checksum-ip-generic", "on"));
    }

    @Test
    void aFullVarLibTakesNoLockAndLeavesNoEmptyHolder() {
        String node = lab.names().get(2);
        lab.exec(node, "sh", "-c", "mkdir -p /var/lib/nodefix && mount -t tmpfs -o size=16k,nr_inodes=64 tmpfs /var/lib/nodefix"
                + " && mkdir -p /var/lib/nodefix/runs /var/lib/nodefix/backups /var/lib/nodefix/inflight"
                + " && (dd if=/dev/zero of=/var/lib/nodefix/fill bs=1k count=64 2>/dev/null; true)");
        try {
            CliRunner.Result full = nodes.nodefix("run", "-m", "ethtool", "-a", OFF, "--yes");
            assertThat(full.exitCode()).as(full.toString()).isEqualTo(ExitCode.HOST_FAILED);
            assertThat(full.out()).contains(node).contains("no lock taken");
            assertThat(lab.exec(node, "sh", "-c", "ls -a /var/lib/nodefix")).doesNotContain("lock\n");
            assertThat(nodes.offload(node)).isEqualTo("on");
            assertThat(nodes.offload(lab.names().get(0))).isEqualTo("off");
        } finally {
            lab.exec(node, "sh", "-c", "umount /var/lib/nodefix");
        }
        CliRunner.Result next = nodes.nodefix("run", "-m", "ethtool", "-a", OFF, "--yes");
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.out()).doesNotContain("locked by");
        assertThat(nodes.offload(node)).isEqualTo("off");
    }

    @Test
    void breakLockWorksForARollbackOrAPlaybookWithNothingToDo() throws Exception {
        String node = lab.names().get(0);
        String applied = LabChanges.runId(nodes.nodefix("run", "-l", node, "-m", "ethtool", "-a", OFF, "--yes"));
        nodes.nodefix("rollback", applied, "--yes");
        String stale = "20200101T000000Z-dead started 2020-01-01T00:00:00Z by someone@elsewhere pid 1";
        lab.exec(node, "sh", "-c", "printf '%s\\n' '" + stale + "' > /var/lib/nodefix/lock");

        CliRunner.Result kept = nodes.nodefix("unlock", "-l", node);
        assertThat(kept.exitCode()).as(kept.toString()).isEqualTo(ExitCode.HOST_FAILED);
        assertThat(kept.out()).contains(node + "  kept  locked by run " + stale).contains("cannot tell");

        CliRunner.Result broken = nodes.nodefix("rollback", applied, "--yes", "--break-lock");
        assertThat(broken.exitCode()).as(broken.toString()).isZero();
        assertThat(broken.out()).contains("nothing to change");
        assertThat(broken.err()).contains(node + ": broke lock of " + stale);
        assertThat(lab.exec(node, "sh", "-c", "ls -a /var/lib/nodefix")).doesNotContain("lock\n");
        assertThat(nodes.nodefix("unlock", "-l", node).out()).contains(node + "  free");

        lab.exec(node, "sh", "-c", "printf '%s\\n' '" + stale + "' > /var/lib/nodefix/lock");
        Path book = state.resolve("noop.yaml");
        Files.writeString(book, "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: in place already\n"
                + "      command: {cmd: \"true\", creates: /etc/hostname}\n");
        CliRunner.Result play = nodes.nodefix("play", book.toString(), "-l", node, "--yes", "--break-lock");
        assertThat(play.out()).as(play.toString()).contains("nothing to change");
        assertThat(play.err()).contains(node + ": broke lock of " + stale);
        assertThat(nodes.nodefix("unlock", "-l", node).out()).contains(node + "  free");
    }

    @Test
    void unlockForceRemovesALockWhoseRunCannotBeJudged() {
        String node = lab.names().get(1);
        lab.exec(node, "sh", "-c", "mkdir -p /var/lib/nodefix && printf '' > /var/lib/nodefix/lock");

        CliRunner.Result kept = nodes.nodefix("unlock", "-l", node);
        CliRunner.Result forced = nodes.nodefix("unlock", "-l", node, "--force");

        assertThat(kept.out()).as(kept.toString()).contains("the lock names no run");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains(node + "  unlocked");
        assertThat(lab.exec(node, "sh", "-c", "ls -a /var/lib/nodefix")).doesNotContain("lock\n");
    }
}
