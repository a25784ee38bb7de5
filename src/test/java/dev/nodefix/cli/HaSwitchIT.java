package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import dev.nodefix.report.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host-gw switch on an HA cluster (lab profile "ha": 3 k3s servers with embedded etcd, 2 agents): the plan says
 * each server goes alone with the health gate after it, then the agents; the run switches the servers one at a time
 * with a gate after each, checks every server runs host-gw, and only then restarts any agent (the nodes' own
 * systemctl logs say so); diagnose then finds no VXLAN; the rollback goes the same way and leaves every node as it
 * was.
 */
class HaSwitchIT {
    private static final String SWITCH = "playbooks/switch-backend-host-gw.yaml";

    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxgh", "nfxgh0", "10.99.115", "target/it-ha-switch", 5, "ha");
    private final Lab lab = LAB.lab();

    @TempDir Path state;

    @Test
    void serversOneAtATimeWithAGateEachThenAgentsAndTheRollbackRestoresEveryNode() {
        LabChanges nodes = LAB.freshNodes(state);
        Map<String, NodeSnapshot> before = nodes.snapshots();
        List<String> n = lab.names();
        List<String> servers = n.subList(0, 3);
        List<String> agents = n.subList(3, 5);

        CliRunner.Result check = nodes.nodefix("play", SWITCH, "--check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        inOrder(check.out(), "PLAY [Servers, one at a time]\n  3 batches, one after the other, a health gate after each"
                + " that changes a node: " + String.join(" | ", servers) + "\n",
                "PLAY [Agents, in batches]\n  2 batches, one after the other, a health gate after each that changes a"
                        + " node: " + String.join(" | ", agents) + "\n");

        CliRunner.Result switched = nodes.nodefix("play", SWITCH, "--yes");
        assertThat(switched.exitCode()).as(switched.toString()).isZero();
        inOrder(switched.out(), "PLAY [Servers, one at a time]  3 host(s), 3 batch(es): " + String.join(" | ", servers),
                "BATCH 1/3", "changed: [" + servers.get(0) + "]", "GATE  healthy  k3s active and node Ready: " + servers.get(0),
                "BATCH 2/3", "changed: [" + servers.get(1) + "]", "GATE  healthy  k3s active and node Ready: " + servers.get(1),
                "BATCH 3/3", "changed: [" + servers.get(2) + "]", "GATE  healthy  k3s active and node Ready: " + servers.get(2),
                "PLAY [Every server runs host-gw before any agent restarts]", "PLAY [Agents, in batches]",
                "changed: [" + agents.get(0) + "]  restart k3s-agent.service", "GATE  healthy  k3s active and node Ready: "
                        + agents.get(0), "changed: [" + agents.get(1) + "]  restart k3s-agent.service");
        n.forEach(node -> assertThat(backend(node)).as(node).isEqualTo("host-gw"));
        // the nodes' own systemctl logs: every server's k3s restarted before the first agent's
        double lastServer = servers.stream().mapToDouble(s -> restartedAt(s, "k3s")).max().orElseThrow();
        double firstAgent = agents.stream().mapToDouble(a -> restartedAt(a, "k3s-agent")).min().orElseThrow();
        assertThat(firstAgent).as("first agent restart after the last server's").isGreaterThan(lastServer);

        CliRunner.Result after = nodes.nodefix("diagnose");
        assertThat(after.exitCode()).as(after.toString()).isEqualTo(ExitCode.OK);
        assertThat(after.out()).contains("Cluster verdict: NOT-AFFECTED").doesNotContain("EXTERNAL_FLANNEL");

        CliRunner.Result undone = nodes.nodefix("rollback", "--last", "--yes");
        assertThat(undone.exitCode()).as(undone.toString()).isZero();
        inOrder(undone.out(), "BATCH 1/5", "changed: [" + servers.get(0) + "]",
                "GATE  healthy  k3s active and node Ready: " + servers.get(0),
                "BATCH 2/5", "changed: [" + servers.get(1) + "]", "GATE  healthy  k3s active and node Ready: " + servers.get(1),
                "BATCH 3/5", "changed: [" + servers.get(2) + "]", "GATE  healthy  k3s active and node Ready: " + servers.get(2),
                "BATCH 4/5", "changed: [" + agents.get(0) + "]", "BATCH 5/5", "changed: [" + agents.get(1) + "]");
        n.forEach(node -> assertThat(backend(node)).as(node + " after the rollback").isEqualTo("vxlan"));
        assertThat(nodes.snapshots()).isEqualTo(before);

        CliRunner.Result back = nodes.nodefix("diagnose");
        assertThat(back.exitCode()).as(back.toString()).isEqualTo(ExitCode.AFFECTED);
    }

    private static void inOrder(String out, String... parts) {
        int at = -1;
        for (String part : parts) {
            int next = out.indexOf(part, at + 1);
            assertThat(next).as("'" + part + "' after position " + at + " in\n" + out).isGreaterThan(at);
            at = next;
        }
    }

    /** When the node's last {@code systemctl restart UNIT} ran, by its stub's call log (epoch seconds). */
    private double restartedAt(String node, String unit) {
        String line = lab.exec(node, "sh", "-c", "grep -E ' systemctl restart (-- )?" + unit + "(\\.service)?$' /run/lab-systemd/calls.log | tail -1");
        assertThat(line).as(node + " restarted " + unit).isNotBlank();
        return Double.parseDouble(line.strip().split(" ")[0]);
    }

    private String backend(String node) {
        return lab.exec(node, "sh", "-c", "sed -n 's/.*\"Type\": *\"\\([a-z-]*\\)\".*/\\1/p' "
                + "/var/lib/rancher/k3s/agent/etc/flannel/net-conf.json 2>/dev/null || true").strip();
    }
}
