package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health gate finds each node by its Kubernetes name as k3s set it, learned from the node: an inventory that
 * names hosts by IP address (as the current k3s-ansible sample does) runs the fix playbook through to the agents
 * and rolls back; a node whose k3s config sets {@code node-name} is found under that name; a node-name k3s does
 * not list (config edited, k3s not restarted) stops the gate at once, saying which name and where it came from.
 */
class NodeIdentityIT {
    private static final String FIX = "playbooks/fix-vxlan-checksum.yaml";
    private static final String DROP_IN = "/etc/rancher/k3s/config.yaml.d/50-nodefix-it.yaml";
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxh", "nfxhbr0", "10.99.51", "target/it-lab-nfxh");
    private final Lab lab = LAB.lab();

    @TempDir Path state;
    private LabChanges nodes;

    @BeforeEach
    void clean() {
        nodes = LAB.freshNodes(state);
    }

    @Test
    void hostsNamedByIpAddressRunTheFixThroughToTheAgentsAndRollBack() throws IOException {
        Path byIp = byIpInventory();
        Map<String, NodeSnapshot> before = nodes.snapshots();

        CliRunner.Result fix = nodefix("play", FIX, "--yes", "--serial", "1", "-i", byIp.toString());

        assertThat(fix.exitCode()).as(fix.toString()).isZero();
        assertThat(fix.out()).contains("GATE  healthy").doesNotContain("STOPPED");
        for (int i = 1; i <= 3; i++) {
            assertThat(fix.out()).containsPattern("10\\.99\\.51\\.1" + i + " +ok=\\d+ +changed=3 +unreachable=0 +failed=0 ");
        }
        lab.names().forEach(n -> assertThat(nodes.offload(n)).as(n).isEqualTo("off"));

        CliRunner.Result rollback = nodefix("rollback", "--last", "--yes", "-i", byIp.toString());
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    @Test
    void aNodeNamedInItsK3sConfigIsFoundUnderThatName() throws IOException {
        String agent = lab.names().get(2);
        renameNode(agent, "Worker-B", true);
        try {
            assertThat(kubectlNodes()).contains("worker-b").doesNotContain(agent);
            Map<String, NodeSnapshot> before = nodes.snapshots();

            CliRunner.Result fix = nodes.nodefix("play", FIX, "--yes", "--serial", "1");

            assertThat(fix.exitCode()).as(fix.toString()).isZero();
            assertThat(fix.out()).contains("GATE  healthy").doesNotContain("STOPPED");
            assertThat(nodes.offload(agent)).isEqualTo("off");
            CliRunner.Result rollback = nodes.nodefix("rollback", "--last", "--yes");
            assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
            assertThat(nodes.snapshots()).isEqualTo(before);
        } finally {
            lab.exec(agent, "sh", "-c", "rm -f " + DROP_IN + " && systemctl restart k3s-agent");
        }
    }

    @Test
    void aNodeNameK3sDoesNotListStopsTheGateAtOnceSayingWhereItCameFrom() throws IOException {
        String agent = lab.names().get(1);
        renameNode(agent, "ghost", false);
        try {
            long started = System.nanoTime();
            CliRunner.Result fix = nodes.nodefix("play", FIX, "--yes", "--serial", "1");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(fix.exitCode()).as(fix.toString()).isEqualTo(2);
            assertThat(fix.out()).contains(agent + ": no Kubernetes node named 'ghost' (from node-name in " + DROP_IN
                    + ":1); k3s lists: " + String.join(", ", lab.names()));
            assertThat(took).as("not the gate's 120 s timeout").isLessThan(Duration.ofSeconds(60));
            nodes.nodefix("rollback", "--last", "--yes");
        } finally {
            lab.exec(agent, "rm", "-f", DROP_IN);
        }
    }

    /** Sets node-name in a config drop-in; with {@code restart}, k3s takes it (as on a real node). */
    private void renameNode(String node, String name, boolean restart) {
        lab.exec(node, "sh", "-c", "mkdir -p /etc/rancher/k3s/config.yaml.d && printf 'node-name: %s\\n' '" + name
                + "' > " + DROP_IN + (restart ? " && systemctl restart k3s-agent" : ""));
    }

    private String kubectlNodes() {
        return lab.exec(lab.names().get(0), "k3s", "kubectl", "get", "nodes", "--no-headers");
    }

    /** The lab's inventory with each host named by its address, as the k3s-ansible sample names them. */
    private Path byIpInventory() throws IOException {
        String text = Files.readString(lab.inventory())
                .replaceAll("(?m)^( +)nfxh\\d{3}:\\n +ansible_host: ([0-9.]+)\\n", "$1$2:\n");
        assertThat(text).doesNotContain("nfxh0");
        return Files.writeString(lab.dir().resolve("by-ip.yaml"), text);
    }

    private CliRunner.Result nodefix(String... args) {
        return new CliRunner().clock(Clock.systemUTC()).env("XDG_STATE_HOME", state.toString())
                .run(Stream.of(args).toArray(String[]::new));
    }
}
