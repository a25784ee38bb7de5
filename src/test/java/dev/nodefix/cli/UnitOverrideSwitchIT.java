package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profile "unit-override": the backend is on the command line of k3s.service.d/override.conf (`systemctl edit k3s`),
 * which the switch rewrites with a daemon-reload (the installer's k3s.service stays). The lab's stand-in runs an
 * edited drop-in only after a daemon-reload, as systemd does, so the switch taking effect shows the reload ran.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitOverrideSwitchIT {
    private static final String OVERRIDE = "/etc/systemd/system/k3s.service.d/override.conf";
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxfu", "nfxfubr0", "10.99.111", "target/it-unit-override", 3,
            "unit-override");

    @TempDir Path state;

    @Test
    @Order(1)
    void theSwitchRewritesOverrideConfAndRollsBackToIdenticalNodes() throws IOException {
        new BackendSwitchWhereSet(OVERRIDE, "    --flannel-backend=%s\n", true)
                .switchesThereAndRollsBack(LAB.lab(), LAB.freshNodes(state));
    }

    @Test
    @Order(2)
    void theStandInRunsAnEditedDropInOnlyAfterADaemonReload() {
        Lab lab = LAB.lab();
        String server = lab.names().get(0);
        String edit = "sed -i 's/--flannel-backend=%s/--flannel-backend=%s/' " + OVERRIDE;
        try {
            lab.exec(server, "sh", "-c", edit.formatted("vxlan", "host-gw") + " && systemctl restart k3s");
            assertThat(netConfType(lab, server)).as("edited, not reloaded").isEqualTo("vxlan");
            lab.exec(server, "sh", "-c", "systemctl daemon-reload && systemctl restart k3s");
            assertThat(netConfType(lab, server)).as("reloaded").isEqualTo("host-gw");
        } finally {
            lab.exec(server, "sh", "-c", edit.formatted("host-gw", "vxlan") + " && systemctl daemon-reload"
                    + " && systemctl restart k3s");
        }
        assertThat(netConfType(lab, server)).isEqualTo("vxlan");
    }

    private static String netConfType(Lab lab, String node) {
        return lab.exec(node, "sh", "-c", "sed -n 's/.*\"Type\": *\"\\([a-z-]*\\)\".*/\\1/p'"
                + " /var/lib/rancher/k3s/agent/etc/flannel/net-conf.json").strip();
    }
}
