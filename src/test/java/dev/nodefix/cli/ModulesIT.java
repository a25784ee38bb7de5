package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistence and k3s modules on real lab nodes (1 server, 2 agents): what they change on the node,
 * that the fix survives a reboot, that a backend switch lands where k3s reads it, and that rollback
 * brings every node back to the same files, offloads and units.
 */
class ModulesIT {
    private static final String RULE = "SUBSYSTEM==\"net\", ACTION==\"add|change|move\", ENV{INTERFACE}==\"flannel.1\","
            + " RUN+=\"/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off\"\n";
    private static final String UNIT = "[Unit]\nDescription=Disable tx checksum offload on flannel.1\n"
            + "After=sys-devices-virtual-net-flannel.1.device\n\n[Service]\nType=oneshot\n"
            + "ExecStart=/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off\n\n"
            + "[Install]\nWantedBy=sys-devices-virtual-net-flannel.1.device\n";
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxm", "nfxmbr0", "10.99.42", "target/it-modules");
    private final Lab lab = LAB.lab();

    @TempDir Path state;
    private LabChanges nodes;

    @BeforeEach
    void runner() {
        nodes = new LabChanges(lab, state);
    }

    @Test
    void udevRuleAndSystemdUnitKeepOffloadOffAcrossARebootAndRollBackExactly() {
        Map<String, NodeSnapshot> before = nodes.snapshots();
        CliRunner.Result rule = nodes.nodefix("run", "-m", "udev_rule", "-a", "name=90-flannel.rules content='" + RULE + "'", "--yes");
        CliRunner.Result unit = nodes.nodefix("run", "-m", "systemd_unit", "-a",
                "name=flannel-tx-checksum-offload-disable.service enabled=on content='" + UNIT + "'", "--yes");

        assertThat(rule.exitCode()).as(rule.toString()).isZero();
        assertThat(unit.exitCode()).as(unit.toString()).isZero();
        for (String node : lab.names()) {
            assertThat(nodes.offload(node)).as("udev trigger applied the rule on " + node).isEqualTo("off");
            assertThat(lab.exec(node, "systemctl", "is-enabled", "flannel-tx-checksum-offload-disable.service").strip())
                    .isEqualTo("enabled");
        }
        assertThat(nodes.nodefix("run", "-m", "udev_rule", "-a", "name=90-flannel.rules content='" + RULE + "'", "--yes").out())
                .contains("nothing to change");

        lab.reboot();
        for (String node : lab.names()) {
            assertThat(nodes.offload(node)).as("after reboot, " + node).isEqualTo("off");
        }

        assertThat(nodes.nodefix("rollback", LabChanges.runId(unit), "--yes").exitCode()).isZero();
        assertThat(nodes.nodefix("rollback", LabChanges.runId(rule), "--yes").exitCode()).isZero();
        lab.reboot();
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    @Test
    void backendSwitchLandsWhereTheServerReadsItAgentsAreRefusedAndRollbackRestoresVxlan() {
        String server = lab.names().get(0);
        Map<String, NodeSnapshot> before = nodes.snapshots();

        CliRunner.Result all = nodes.nodefix("run", "-m", "k3s_flannel_backend", "-a", "backend=host-gw", "--check");
        assertThat(all.exitCode()).as(all.toString()).isEqualTo(2);
        assertThat(all.out()).contains("failed: [" + lab.names().get(1) + "]  refused on an agent").contains("flag provided but not defined");

        CliRunner.Result switched = nodes.nodefix("run", "-l", "server", "-m", "k3s_flannel_backend", "-a",
                "backend=host-gw", "--yes", "--diff"); // the L2 preflight runs on the server: every node is on-link
        assertThat(switched.exitCode()).as(switched.toString()).isZero();
        assertThat(switched.out()).contains("+flannel-backend: host-gw");
        assertThat(netConf(server)).contains("\"Type\": \"host-gw\"");
        assertThat(lab.exec(server, "sh", "-c", "ip link show flannel.1 2>&1 || true")).contains("does not exist");

        CliRunner.Result agents = nodes.nodefix("run", "-l", "agent", "-m", "service", "-a", "name=k3s-agent.service state=restarted",
                "--yes");
        assertThat(agents.exitCode()).as(agents.toString()).isZero();
        lab.names().forEach(n -> assertThat(netConf(n)).as(n).contains("\"Type\": \"host-gw\""));
        assertThat(lab.exec(server, "curl", "-s", "-m", "5", "http://10.43.0.10/")).as("ClusterIP over host-gw").isNotBlank();

        assertThat(nodes.nodefix("rollback", LabChanges.runId(agents), "--yes").exitCode()).isZero();
        CliRunner.Result back = nodes.nodefix("rollback", LabChanges.runId(switched), "--yes");
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(netConf(server)).contains("\"Type\": \"vxlan\"");
        nodes.nodefix("run", "-l", "agent", "-m", "service", "-a", "name=k3s-agent.service state=restarted", "--yes");
        lab.names().forEach(n -> assertThat(netConf(n)).as(n).contains("\"Type\": \"vxlan\""));
        assertThat(lab.exec(server, "curl", "-s", "-m", "5", "http://10.43.0.10/")).as("ClusterIP over vxlan").isNotBlank();
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    @Test
    void yamlKeyAndCommandChangesRollBackExactly() {
        String agent = lab.names().get(2);
        Map<String, NodeSnapshot> before = nodes.snapshots();
        CliRunner.Result key = nodes.nodefix("run", "-l", agent, "-m", "yaml_key", "-a",
                "path=/etc/rancher/k3s/config.yaml key=node-label value=nodefix=it", "--yes", "--diff");
        CliRunner.Result cmd = nodes.nodefix("run", "-l", agent, "-m", "command", "-a",
                "cmd='touch /etc/nodefix-cmd' creates=/etc/nodefix-cmd undo='rm /etc/nodefix-cmd'", "--yes");

        assertThat(key.exitCode()).as(key.toString()).isZero();
        assertThat(key.out()).contains("+node-label: nodefix=it");
        assertThat(lab.exec(agent, "cat", "/etc/rancher/k3s/config.yaml")).contains("node-label: nodefix=it");
        assertThat(cmd.exitCode()).as(cmd.toString()).isZero();
        assertThat(nodes.nodefix("run", "-l", agent, "-m", "command", "-a",
                "cmd='touch /etc/nodefix-cmd' creates=/etc/nodefix-cmd", "--yes").out()).contains("nothing to change");

        CliRunner.Result same = nodes.nodefix("run", "-l", agent, "-m", "command", "-a",
                "cmd='echo same' changed_when='stdout != \"same\\n\"' undo='echo undone > /etc/nodefix-undone'", "--yes");
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(same.out()).contains("run: echo same: changed nothing (changed_when is false)")
                .contains("ok: [" + agent + "]").contains("changed=0");
        CliRunner.Result sameBack = nodes.nodefix("rollback", LabChanges.runId(same), "--yes");
        assertThat(sameBack.out()).as(sameBack.toString()).contains("it changed nothing (changed_when was false)");

        assertThat(nodes.nodefix("rollback", LabChanges.runId(cmd), "--yes").exitCode()).isZero();
        assertThat(nodes.nodefix("rollback", LabChanges.runId(key), "--yes").exitCode()).isZero();
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    @Test
    void hostGwIsRefusedWhenAPeerIsBehindARouterUnlessForced() {
        Path repo = Path.of("").toAbsolutePath();
        Lab.LabNames names = new Lab.LabNames("nfxl", "nfxlbr0", "10.99.43", repo.resolve("target/it-modules-l2"));
        try (Lab routed = Lab.up(repo, 4, "not-l2-adjacent", names)) {
            String inv = routed.inventory().toString();
            CliRunner.Result refused = new CliRunner().clock(Clock.systemUTC()).env("XDG_STATE_HOME", state.toString())
                    .run("run", "-i", inv, "-l", "server", "-m", "k3s_flannel_backend", "-a", "backend=host-gw", "--check");
            CliRunner.Result forced = new CliRunner().clock(Clock.systemUTC()).env("XDG_STATE_HOME", state.toString())
                    .run("run", "-i", inv, "-l", "server", "-m", "k3s_flannel_backend", "-a", "backend=host-gw force=on",
                            "--check");

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.out()).contains("]  L2 preflight failed")
                    .contains(names.net2() + ".13 (" + names.net2() + ".13 via ").contains("is not on-link from here");
            assertThat(forced.exitCode()).as(forced.toString()).isZero();
            assertThat(forced.out()).contains("change: [" + routed.names().get(0) + "]", "update /etc/rancher/k3s/config.yaml");
        }
    }

    @Test
    void probeAssertAndWaitForCheckRealNodesAndChangeNothing() {
        CliRunner.Result probe = nodes.nodefix("run", "-m", "probe", "-a", "target=10.43.0.10:80", "--yes");
        CliRunner.Result holds = nodes.nodefix("run", "-l", "server", "-m", "assert", "-a",
                "that='facts.vxlan.exists && facts.vxlan.dstport == 8472 && size(facts.peer_routes.peers) == 2'", "--yes");
        CliRunner.Result fails = nodes.nodefix("run", "-l", "server", "-m", "assert", "-a",
                "that='!facts.offload.features[\"tx-checksum-ip-generic\"].on' fail_msg='{{ host }} has offload on'", "--yes");
        CliRunner.Result waited = nodes.nodefix("run", "-l", "server", "-m", "wait_for", "-a", "unit=k3s state=active timeout=5",
                "--yes");
        CliRunner.Result timedOut = nodes.nodefix("run", "-l", "server", "-m", "wait_for", "-a",
                "path=/etc/nodefix-never timeout=6", "--yes"); // long enough to be told once (every 5 s)

        assertThat(probe.exitCode()).as(probe.toString()).isZero();
        assertThat(probe.out()).contains("connected to 10.43.0.10:80 in").contains("nothing to change");
        assertThat(holds.exitCode()).as(holds.toString()).isZero();
        assertThat(fails.exitCode()).as(fails.toString()).isEqualTo(2);
        assertThat(fails.out()).contains(lab.names().get(0) + " has offload on");
        assertThat(waited.exitCode()).as(waited.toString()).isZero();
        assertThat(timedOut.exitCode()).as(timedOut.toString()).isEqualTo(2);
        assertThat(timedOut.out()).contains("timed out after 6 s");
        assertThat(timedOut.err()).as("the wait told on stderr while the plan read it")
                .contains("waiting for /etc/nodefix-never to be present on " + lab.names().get(0) + " (5 s of 6 s)");
        assertThat(waited.err()).as("a quick wait says nothing").doesNotContain("waiting for");
        assertThat(Stream.of(probe, holds, fails, waited, timedOut)).noneMatch(r -> r.out().contains("RUN "));
    }


    private String netConf(String node) {
        return lab.exec(node, "cat", "/var/lib/rancher/k3s/agent/etc/flannel/net-conf.json");
    }
}
