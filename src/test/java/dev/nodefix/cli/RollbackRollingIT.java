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
 * A rollback of a rolling run rolls like the run on real lab nodes (1 server, 3 agents): the host-gw switch with
 * {@code --serial 1}, then {@code rollback --last} goes server first, then one agent per batch, with the health
 * gate after each batch; when the gate fails on an agent, the rollback stops before the next batch, and a second
 * rollback finishes it.
 */
class RollbackRollingIT {
    private static final String SWITCH = "playbooks/switch-backend-host-gw.yaml";
    /** A unit file nodefix reads the node's Kubernetes name from, which the agent's k3s does not start from. */
    private static final String GHOST = "/etc/systemd/system/k3s.service";

    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxx", "nfxbrx0", "10.99.74", "target/it-rollback-rolling", 4);
    private final Lab lab = LAB.lab();

    @TempDir Path state;

    @Test
    void theRollbackOfASerialSwitchRollsServerFirstThenOneAgentPerBatchAndStopsAtAFailingGate() {
        LabChanges nodes = LAB.freshNodes(state);
        Map<String, NodeSnapshot> before = nodes.snapshots();
        List<String> n = lab.names();

        CliRunner.Result switched = nodes.nodefix("play", SWITCH, "--yes", "--serial", "1");
        assertThat(switched.exitCode()).as(switched.toString()).isZero();
        n.forEach(node -> assertThat(backend(node)).as(node).isEqualTo("host-gw"));

        // the third node claims to be another Kubernetes node: k3s does not list it, so its gate fails at once
        lab.exec(n.get(2), "sh", "-c", "printf '[Service]\\nExecStart=/usr/local/bin/k3s server --node-name ghost\\n' > "
                + GHOST);
        CliRunner.Result stopped = nodes.nodefix("rollback", "--last", "--yes");
        lab.exec(n.get(2), "rm", "-f", GHOST);

        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.HOST_FAILED);
        String out = stopped.out().substring(stopped.out().indexOf("RUN ")); // the run, after its plan
        List<String> order = List.of("4 batch(es): " + String.join(" | ", n), "BATCH 1/4", "[" + n.get(0) + "]",
                "GATE  healthy  k3s active and node Ready: " + n.get(0), "BATCH 2/4", "[" + n.get(1) + "]",
                "GATE  healthy  k3s active and node Ready: " + n.get(1), "BATCH 3/4", "[" + n.get(2) + "]",
                "GATE  failed  ", "STOPPED  health gate after batch 3 of play ");
        for (int i = 0; i < order.size(); i++) {
            assertThat(out).as(stopped.toString()).contains(order.get(i));
            if (i > 0) {
                assertThat(out.indexOf(order.get(i))).as(order.get(i - 1) + " before " + order.get(i))
                        .isGreaterThan(out.indexOf(order.get(i - 1)));
            }
        }
        assertThat(out).contains("ghost").doesNotContain("BATCH 4/4");
        assertThat(backend(n.get(0))).isEqualTo("vxlan");
        assertThat(backend(n.get(3))).as("never reached").isEqualTo("host-gw");

        CliRunner.Result rest = nodes.nodefix("rollback", "--last", "--yes");
        assertThat(rest.exitCode()).as(rest.toString()).isZero();
        // agents one per batch again (their k3s restarts are re-run), the gate after the one never reached
        assertThat(rest.out()).contains("BATCH 1/", "GATE  healthy  k3s active and node Ready: " + n.get(3));
        n.forEach(node -> assertThat(backend(node)).as(node + " after the rollback").isEqualTo("vxlan"));
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    private String backend(String node) {
        return lab.exec(node, "sh", "-c", "sed -n 's/.*\"Type\": *\"\\([a-z-]*\\)\".*/\\1/p' "
                + "/var/lib/rancher/k3s/agent/etc/flannel/net-conf.json 2>/dev/null || true").strip();
    }
}
