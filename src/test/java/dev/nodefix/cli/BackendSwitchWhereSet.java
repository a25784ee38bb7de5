package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import java.io.IOException;
import java.util.Map;

/**
 * The backend switch on a lab whose server sets flannel-backend somewhere other than config.yaml or the unit's
 * ExecStart (profiles "dropin", "unit-override"): switch-backend-host-gw.yaml rewrites that file and no other, every
 * node runs host-gw, diagnose reads the new value from that file and finds nothing to fix, and the rollback leaves the
 * nodes identical to before.
 *
 * @param file     the file on the server that sets the backend
 * @param setting  the backend's text in it, with {@code %s} for the value
 * @param daemonReload whether changing it needs a daemon-reload (a unit drop-in)
 */
record BackendSwitchWhereSet(String file, String setting, boolean daemonReload) {
    private static final String SWITCH = "playbooks/switch-backend-host-gw.yaml";
    private static final String CLUSTER_IP = "10.43.0.10:80";
    private static final String NET_CONF = "/var/lib/rancher/k3s/agent/etc/flannel/net-conf.json";

    void switchesThereAndRollsBack(Lab lab, LabChanges nodes) throws IOException {
        String server = lab.names().get(0);
        assertThat(lab.exec(server, "cat", file)).contains(setting.formatted("vxlan"));
        Map<String, NodeSnapshot> before = nodes.snapshots();
        String untouched = lab.exec(server, "sh", "-c", "cat /etc/rancher/k3s/config.yaml /etc/systemd/system/k3s.service");

        CliRunner.Result check = nodes.nodefix("play", SWITCH, "--check", "--diff");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).as("the plan names the file").contains(file).contains("+" + setting.formatted("host-gw").stripTrailing());

        CliRunner.Result switched = nodes.nodefix("play", SWITCH, "--yes", "-e", "probe_target=" + CLUSTER_IP);
        assertThat(switched.exitCode()).as(switched.toString()).isZero();
        assertThat(lab.exec(server, "cat", file)).contains(setting.formatted("host-gw")).doesNotContain("vxlan");
        assertThat(lab.exec(server, "sh", "-c", "cat /etc/rancher/k3s/config.yaml /etc/systemd/system/k3s.service"))
                .as("no other file changed").isEqualTo(untouched);
        assertThat(lab.exec(server, "cat", "/run/lab-systemd/journal.log"))
                .contains("k3s.service: lab: flannel-backend from " + (daemonReload ? "ExecStart" : "config.yaml") + ": host-gw");
        for (String node : lab.names()) {
            assertThat(backend(lab, node)).as(node).isEqualTo("host-gw");
        }

        CliRunner.Result facts = nodes.nodefix("facts", "--json", "-l", server);
        assertThat(facts.out()).as(facts.toString()).contains(file + ":");
        CliRunner.Result diagnose = nodes.nodefix("diagnose", "--json");
        Map<String, Object> diagnosis = JSON.std.mapFrom(diagnose.out());
        assertThat(String.valueOf(diagnosis.get("verdict"))).as(diagnose.out()).isEqualTo("not-affected");
        assertThat(diagnose.out()).doesNotContain("BACKEND_INCONSISTENT").doesNotContain("BACKEND_NOT_SUPPORTED");

        CliRunner.Result rollback = nodes.nodefix("rollback", "--last", "--yes");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        if (daemonReload) {
            assertThat(rollback.out()).contains("daemon-reload");
        }
        for (String node : lab.names()) {
            assertThat(backend(lab, node)).as(node + " after the rollback").isEqualTo("vxlan");
        }
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    private static String backend(Lab lab, String node) {
        return lab.exec(node, "sh", "-c", "sed -n 's/.*\"Type\": *\"\\([a-z-]*\\)\".*/\\1/p' " + NET_CONF
                + " 2>/dev/null || true").strip();
    }
}
