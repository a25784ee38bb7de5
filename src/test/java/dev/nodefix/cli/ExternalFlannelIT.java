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
 * k3s told {@code flannel-backend: none} with flannel deployed apart from it (lab profile "external-flannel": no
 * net-conf.json from k3s, flannel.1 from that flannel): diagnose finds every node affected and says the backend is
 * that deployment's to fix (EXTERNAL_FLANNEL); the host-gw switch refuses before it changes anything; the offload fix
 * turns the offload off on flannel.1 and persists it on every node, and its rollback restores every node.
 */
class ExternalFlannelIT {
    private static final String SWITCH = "playbooks/switch-backend-host-gw.yaml";
    private static final String FIX = "playbooks/fix-vxlan-checksum.yaml";

    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxgx", "nfxgx0", "10.99.117", "target/it-external-flannel", 3,
            "external-flannel");
    private final Lab lab = LAB.lab();

    @TempDir Path state;

    @Test
    void diagnoseSaysTheBackendIsTheDeploymentsAndTheSwitchRefusesChangingNothing() {
        LabChanges nodes = LAB.freshNodes(state);
        Map<String, NodeSnapshot> before = nodes.snapshots();

        CliRunner.Result diagnosed = nodes.nodefix("diagnose");
        assertThat(diagnosed.exitCode()).as(diagnosed.toString()).isEqualTo(ExitCode.AFFECTED);
        assertThat(diagnosed.out()).contains("Remediation: fix-vxlan-checksum (nodefix play fix-vxlan-checksum)");
        for (String node : lab.names()) {
            String section = hostSection(diagnosed.out(), node);
            assertThat(section).as(node).startsWith(node + ": affected").contains("EXTERNAL_FLANNEL: k3s runs no flannel"
                    + " of its own (flannel-backend none)").contains(lab.names().get(0)
                    + ": flannel-backend none (/etc/rancher/k3s/config.yaml:")
                    // the flannel at work beside k3s's none: its subnet.env (a bare flannel.1 leaves the leg open)
                    .contains(node + ": flannel.1 is there (VXLAN id 1), and /run/flannel/subnet.env (FLANNEL_SUBNET=");
        }

        CliRunner.Result refused = nodes.nodefix("play", SWITCH, "--yes");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.HOST_FAILED);
        assertThat(refused.out()).contains("nothing changed: play \"k3s runs flannel itself\"")
                .contains(lab.names().get(0) + ": k3s runs no flannel (flannel-backend none; nodefix facts shows where it is set):"
                        + " flannel is deployed apart from k3s")
                .doesNotContain("RUN ");
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    @Test
    void theOffloadFixAppliesToTheSeparateFlannelsDeviceAndItsRollbackRestoresEveryNode() {
        LabChanges nodes = LAB.freshNodes(state);
        Map<String, NodeSnapshot> before = nodes.snapshots();
        List<String> n = lab.names();
        n.forEach(node -> assertThat(nodes.offload(node)).as(node).isEqualTo("on"));

        CliRunner.Result fixed = nodes.nodefix("play", FIX, "--yes");
        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
        for (String node : n) {
            assertThat(nodes.offload(node)).as(node).isEqualTo("off");
            assertThat(lab.exec(node, "cat", "/etc/udev/rules.d/90-flannel.rules")).contains("ethtool -K flannel.1 tx-checksum-ip-generic off");
            assertThat(lab.exec(node, "systemctl", "is-enabled", "flannel-tx-checksum-offload-disable.service").strip())
                    .isEqualTo("enabled");
        }
        CliRunner.Result after = nodes.nodefix("diagnose");
        assertThat(after.exitCode()).as(after.toString()).isEqualTo(ExitCode.OK);
        assertThat(after.out()).contains("EXTERNAL_FLANNEL");

        CliRunner.Result undone = nodes.nodefix("rollback", "--last", "--yes");
        assertThat(undone.exitCode()).as(undone.toString()).isZero();
        n.forEach(node -> assertThat(nodes.offload(node)).as(node + " after the rollback").isEqualTo("on"));
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    /** One host's block of diagnose's text: from its {@code HOST: verdict} line to the next blank line. */
    private static String hostSection(String out, String host) {
        int from = out.indexOf("\n" + host + ": ");
        assertThat(from).as(host + " in\n" + out).isNotNegative();
        int to = out.indexOf("\n\n", from + 1);
        return out.substring(from + 1, to < 0 ? out.length() : to);
    }
}
