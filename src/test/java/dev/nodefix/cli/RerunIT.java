package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fix playbook run a second time on nodes it already fixed changes nothing at the floor: one SSH connection
 * and one command per node (facts and every task's state in one script; no lock, no journal). Each node's sshd
 * counts: its log has a line per accepted connection, and root's {@code ~/.ssh/rc}, which sshd runs before every
 * session's command, appends a line per command to a file in the node's own /run.
 */
class RerunIT {
    private static final String FIX = "playbooks/fix-vxlan-checksum.yaml";
    private static final String COUNTED = "/run/nodefix-it-sessions";
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("bncei", "bnceibr0", "10.99.106", "target/it-lab-bncei");
    private final Lab lab = LAB.lab();

    @TempDir Path state;

    @Test
    void theNoChangeReRunMakesOneConnectionAndOneCommandPerNode() throws IOException {
        LabChanges nodes = LAB.freshNodes(state);
        CliRunner.Result fix = nodes.nodefix("play", FIX, "--yes");
        assertThat(fix.exitCode()).as(fix.toString()).isZero();
        assertThat(fix.out()).contains("changed=3");

        Map<String, Long> connections = new LinkedHashMap<>();
        for (String node : lab.names()) {
            lab.exec(node, "sh", "-c", "mkdir -p /root/.ssh && echo 'echo x >> " + COUNTED + "' > /root/.ssh/rc && rm -f "
                    + COUNTED);
            connections.put(node, accepted(node));
        }
        try {
            CliRunner.Result again = nodes.nodefix("play", FIX, "--yes");
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("nothing to change; no run recorded").doesNotContain("changed=1");
            for (String node : lab.names()) {
                assertThat(again.out()).containsPattern(node + " +ok=4 +changed=0 +unreachable=0 +failed=0 +skipped=1");
                assertThat(accepted(node) - connections.get(node)).as(node + ": connections").isEqualTo(1);
                assertThat(lab.exec(node, "cat", COUNTED).lines().count()).as(node + ": commands").isEqualTo(1);
            }
        } finally {
            lab.names().forEach(node -> lab.exec(node, "rm", "-f", "/root/.ssh/rc", COUNTED));
        }
    }

    /** Connections the node's sshd accepted so far. */
    private long accepted(String node) throws IOException {
        return Files.readAllLines(lab.dir().resolve("nodes").resolve(node).resolve("sshd.log")).stream()
                .filter(l -> l.contains("Accepted publickey")).count();
    }
}
