package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * File safety on real lab nodes: a write through a symbolically linked parent directory is refused unless
 * asked for; parent directories a run creates are planned and removed again by rollback; the fix playbook's
 * rollback leaves no empty .wants directory. Snapshots leave directories out, so directories are checked by name.
 */
class FileSafetyIT {
    private static final String WANTS = "/etc/systemd/system/sys-devices-virtual-net-flannel.1.device.wants";
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxf", "nfxfbr0", "10.99.67", "target/it-lab-nfxf");
    private final Lab lab = LAB.lab();

    @TempDir Path state;
    private LabChanges nodes;

    @BeforeEach
    void clean() {
        nodes = LAB.freshNodes(state);
    }

    @Test
    void aSymlinkedParentIsRefusedUnlessFollowingIsAskedFor() {
        String node = lab.names().get(0);
        lab.exec(node, "sh", "-c", "mkdir -p /etc/nfx-real && ln -sfn /etc/nfx-real /etc/nfx-link");
        try {
            CliRunner.Result refused = nodes.nodefix("run", "-l", node, "-m", "file", "-a",
                    "path=/etc/nfx-link/x.conf content='x\n'", "--yes");
            assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
            assertThat(refused.out() + refused.err()).contains("/etc/nfx-link (a parent of /etc/nfx-link/x.conf)"
                    + " is a symbolic link to /etc/nfx-real").contains("follow_parent_links");
            assertThat(exists(node, "/etc/nfx-real/x.conf")).isFalse();

            CliRunner.Result followed = nodes.nodefix("run", "-l", node, "-m", "file", "-a",
                    "path=/etc/nfx-link/x.conf content='x\n' follow_parent_links=on", "--yes");
            assertThat(followed.exitCode()).as(followed.toString()).isZero();
            assertThat(lab.exec(node, "cat", "/etc/nfx-real/x.conf")).isEqualTo("x\n");
            assertThat(nodes.nodefix("rollback", "--last", "--yes").exitCode()).isZero();
            assertThat(exists(node, "/etc/nfx-real/x.conf")).isFalse();
        } finally {
            lab.exec(node, "rm", "-rf", "/etc/nfx-link", "/etc/nfx-real");
        }
    }

    @Test
    void parentDirectoriesARunCreatesAreRemovedByRollback() {
        String node = lab.names().get(1);
        Map<String, NodeSnapshot> before = nodes.snapshots();

        CliRunner.Result created = nodes.nodefix("run", "-l", node, "-m", "file", "-a",
                "path=/etc/nodefix-test/a/b/file content='deep\n'", "--yes");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).contains("create directory /etc/nodefix-test", "create directory /etc/nodefix-test/a/b");
        assertThat(lab.exec(node, "cat", "/etc/nodefix-test/a/b/file")).isEqualTo("deep\n");

        CliRunner.Result rollback = nodes.nodefix("rollback", "--last", "--yes");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(exists(node, "/etc/nodefix-test")).isFalse();
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    @Test
    void theFixPlaybooksRollbackLeavesNoEmptyWantsDirectory() {
        Map<String, NodeSnapshot> before = nodes.snapshots();
        for (String node : lab.names()) {
            assertThat(exists(node, WANTS)).as(node + " before").isFalse();
        }
        CliRunner.Result fix = nodes.nodefix("play", "playbooks/fix-vxlan-checksum.yaml", "--yes",
                "-e", "probe_target=10.43.0.10:80");
        assertThat(fix.exitCode()).as(fix.toString()).isZero();
        for (String node : lab.names()) {
            assertThat(exists(node, WANTS)).as(node + " after the fix").isTrue();
        }

        CliRunner.Result rollback = nodes.nodefix("rollback", "--last", "--yes");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        for (String node : lab.names()) {
            assertThat(exists(node, WANTS)).as(node + " after the rollback").isFalse();
        }
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    private boolean exists(String node, String path) {
        return lab.exec(node, "sh", "-c", "[ -e '" + path + "' ] && echo yes || echo no").strip().equals("yes");
    }
}
