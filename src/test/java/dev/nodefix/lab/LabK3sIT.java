package dev.nodefix.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lab's k3s stand-in behaves as real k3s and flannel do: where the backend is read,
 * how it reaches agents, net-conf.json, flannel.1 reuse vs re-creation, host-gw routes, what a switch leaves
 * behind, {@code k3s kubectl}, and {@code lab/lab reboot}. Each test gets a fresh lab under its own names
 * (prefix nfxk, bridge nfxkbr0, 10.99.40, target/it-k3s); node 1 is the server, 2 and 3 agents.
 */
class LabK3sIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Lab.LabNames NAMES = new Lab.LabNames("nfxk", "nfxkbr0", "10.99.40", REPO.resolve("target/it-k3s"));
    private static final String NETCONF = "/var/lib/rancher/k3s/agent/etc/flannel/net-conf.json";
    private static final String BACKEND_TYPE = "{.metadata.annotations.flannel\\.alpha\\.coreos\\.com/backend-type}";

    private Lab lab;
    private String server;
    private String agent2;
    private String agent3;

    private void up(int nodes, String profile) {
        lab = Lab.up(REPO, nodes, profile, NAMES);
        server = lab.names().get(0);
        agent2 = lab.names().get(1);
        agent3 = lab.names().get(2);
    }

    @AfterEach
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void anAgentGivenFlannelBackendFailsToStartInConfigYamlOrExecStart() {
        up(3, "affected");
        sh(agent2, "echo 'flannel-backend: host-gw' >> /etc/rancher/k3s/config.yaml");

        assertThat(sh(agent2, "systemctl restart k3s-agent 2>&1; echo rc=$?")).contains("rc=1",
                "Job for k3s-agent.service failed");
        assertThat(sh(agent2, "systemctl is-active k3s-agent; true")).isEqualTo("failed\n");
        assertThat(sh(agent2, "cat /run/lab-systemd/journal.log"))
                .contains("k3s-agent.service: Incorrect Usage: flag provided but not defined: -flannel-backend")
                .contains("level=fatal msg=\"flag provided but not defined: -flannel-backend\"");
        assertThat(kubectl("get", "nodes")).containsPattern(agent2 + "\\s+NotReady\\s+<none>");

        sh(agent2, "sed -i '/flannel-backend/d' /etc/rancher/k3s/config.yaml; systemctl restart k3s-agent");
        assertThat(sh(agent2, "systemctl is-active k3s-agent")).isEqualTo("active\n");

        setExecStart(agent3, "k3s-agent", "agent '--flannel-backend=host-gw'");
        assertThat(sh(agent3, "systemctl daemon-reload; systemctl restart k3s-agent >/dev/null 2>&1; echo rc=$?;"
                + " systemctl is-active k3s-agent; true"))
                .isEqualTo("rc=1\nfailed\n");
    }

    @Test
    void aServerSwitchRewritesNetConfAndPublishesWhileAgentsKeepTheOldBackendUntilTheyRestart() throws Exception {
        up(3, "affected");
        sh(server, "echo 'flannel-backend: host-gw' >> /etc/rancher/k3s/config.yaml; systemctl restart k3s");

        assertThat(sh(server, "cat " + NETCONF)).isEqualTo(netConf("host-gw"));
        assertThat(Files.readString(lab.dir().resolve("cluster/backend")).strip()).isEqualTo("host-gw");
        assertThat(backendTypes()).isEqualTo(server + "=host-gw " + agent2 + "=vxlan " + agent3 + "=vxlan ");
        assertThat(sh(agent2, "cat " + NETCONF)).isEqualTo(netConf("vxlan"));
        assertThat(sh(agent2, "cat /run/flannel/subnet.env")).contains("FLANNEL_MTU=1450");

        sh(agent2, "systemctl restart k3s-agent");
        assertThat(sh(agent2, "cat " + NETCONF)).isEqualTo(netConf("host-gw"));
        assertThat(sh(agent2, "cat /run/flannel/subnet.env")).contains("FLANNEL_MTU=1500");
        assertThat(backendTypes()).isEqualTo(server + "=host-gw " + agent2 + "=host-gw " + agent3 + "=vxlan ");

        // an agent takes the server's CURRENT backend: switch the server back, then restart agent 3
        sh(server, "sed -i '/flannel-backend/d' /etc/rancher/k3s/config.yaml; systemctl restart k3s");
        sh(agent3, "systemctl restart k3s-agent");
        assertThat(sh(agent3, "cat " + NETCONF)).isEqualTo(netConf("vxlan"));
        assertThat(backendTypes()).isEqualTo(server + "=vxlan " + agent2 + "=host-gw " + agent3 + "=vxlan ");
    }

    @Test
    void theCommandLineFlagWinsOverConfigYamlAndListAndQuotedFormsAreRead() {
        up(3, "affected");
        sh(server, "printf 'flannel-backend: [\"vxlan\", \"host-gw\"]  # a list: the last one wins\\n'"
                + " >> /etc/rancher/k3s/config.yaml; systemctl restart k3s");
        assertThat(sh(server, "cat " + NETCONF)).isEqualTo(netConf("host-gw"));

        sh(server, "sed -i '/flannel-backend/d' /etc/rancher/k3s/config.yaml;"
                + " printf \"flannel-backend:\\n  - 'vxlan'\\n\" >> /etc/rancher/k3s/config.yaml; systemctl restart k3s");
        assertThat(sh(server, "cat " + NETCONF)).isEqualTo(netConf("vxlan"));

        // k3s puts config-file values before the command line, so the command line wins
        sh(server, "sed -i '/flannel-backend/,$d' /etc/rancher/k3s/config.yaml; echo 'flannel-backend: \"host-gw\"' >> /etc/rancher/k3s/config.yaml");
        setExecStart(server, "k3s", "server '--flannel-backend' 'vxlan'");
        sh(server, "systemctl daemon-reload; systemctl restart k3s");
        assertThat(sh(server, "cat " + NETCONF)).isEqualTo(netConf("vxlan"));
        assertThat(sh(server, "cat /run/lab-systemd/journal.log")).contains("flannel-backend from ExecStart: vxlan",
                "level=info msg=\"Starting flannel with backend vxlan\"");
    }

    @Test
    void aCompatibleRestartReusesFlannel1AndKeepsOffloadOff() {
        up(3, "offload-off-unpersisted");
        String before = sh(agent2, "cat /sys/class/net/flannel.1/ifindex");
        assertThat(offload(agent2)).isEqualTo("off");

        sh(agent2, "systemctl restart k3s-agent");

        assertThat(offload(agent2)).isEqualTo("off");
        assertThat(sh(agent2, "cat /sys/class/net/flannel.1/ifindex")).isEqualTo(before);
        assertThat(sh(agent2, "cat /run/lab-systemd/journal.log")).contains("reusing existing flannel.1");
        assertThat(sh(agent2, "cat /run/lab-systemd/devhooks.log 2>/dev/null; true")).doesNotContain("add flannel.1");
    }

    @Test
    void anIncompatibleOrMissingFlannel1IsRecreatedWithOffloadOnAndTheDeviceHooksFire() {
        up(3, "offload-off-unpersisted");
        installMarkerHooks(agent2);
        String ip = lab.env().get("LAB_NET") + ".12";

        // incompatible: another VXLAN port
        sh(agent2, "ip link del flannel.1; ip link add flannel.1 type vxlan id 1 dstport 4789 local " + ip
                + " dev eth0 nolearning; ethtool -K flannel.1 tx-checksum-ip-generic off >/dev/null");
        String before = sh(agent2, "cat /sys/class/net/flannel.1/ifindex");
        sh(agent2, "systemctl restart k3s-agent");

        assertThat(sh(agent2, "ip -d link show flannel.1")).contains("dstport 8472");
        assertThat(sh(agent2, "cat /sys/class/net/flannel.1/ifindex")).isNotEqualTo(before);
        assertThat(offload(agent2)).isEqualTo("on");
        assertThat(sh(agent2, "ls /run/udev-fired-flannel.1 /run/unit-fired")).isEqualTo("/run/udev-fired-flannel.1\n/run/unit-fired\n");

        // missing
        sh(agent2, "rm /run/udev-fired-flannel.1 /run/unit-fired; ip link del flannel.1");
        sh(agent2, "systemctl restart k3s-agent");
        assertThat(offload(agent2)).isEqualTo("on");
        assertThat(sh(agent2, "ls /run/udev-fired-flannel.1 /run/unit-fired")).isEqualTo("/run/udev-fired-flannel.1\n/run/unit-fired\n");
        assertThat(sh(agent2, "cat /run/lab-systemd/devhooks.log"))
                .contains("udev add flannel.1 50-marker.rules", "systemd add flannel.1: start marker.service -> rc=0");
        // and traffic over the new flannel.1 works: node 3 -> ClusterIP -> pod on node 2
        assertThat(sh(agent3, "curl -s -m 5 http://10.43.0.10/")).contains("hello from " + agent2 + "-pod");
    }

    @Test
    void hostGwRoutesGoViaThePeersNodeIps() {
        up(3, "affected");
        switchAllToHostGw();
        String net = lab.env().get("LAB_NET");

        assertThat(sh(server, "ip route show 10.42.2.0/24; ip route show 10.42.3.0/24")).isEqualTo(
                "10.42.2.0/24 via " + net + ".12 dev eth0 \n10.42.3.0/24 via " + net + ".13 dev eth0 \n");
        assertThat(sh(agent3, "ip route show 10.42.1.0/24")).isEqualTo("10.42.1.0/24 via " + net + ".11 dev eth0 \n");
        for (String node : lab.names()) {
            sh(node, "ip link del flannel.1");
        }
        for (String node : List.of(server, agent3)) {
            assertThat(sh(node, "curl -s -m 5 http://10.43.0.10/")).as(node).contains("hello from " + agent2 + "-pod");
        }
    }

    @Test
    void hostGwRoutesOnlyWorkBetweenL2AdjacentNodes() {
        up(4, "not-l2-adjacent"); // nodes 3 and 4 sit behind a router
        switchAllToHostGw();
        for (String node : lab.names()) {
            sh(node, "ip link del flannel.1");
        }
        String net2 = NAMES.net2();

        assertThat(sh(server, "ip route show 10.42.3.0/24")).isEmpty();
        assertThat(sh(server, "cat /run/lab-systemd/journal.log")).contains(
                "Error adding route: route replace 10.42.3.0/24 via " + net2 + ".13 dev eth0: Nexthop has invalid gateway.");
        assertThat(sh(lab.names().get(3), "ip route show 10.42.3.0/24")).isEqualTo("10.42.3.0/24 via " + net2 + ".13 dev eth0 \n");
        assertThat(sh(server, "curl -s -m 5 http://10.43.0.10/")).contains("hello from " + agent2 + "-pod");
        assertThat(sh(agent3, "curl -s -m 3 http://10.43.0.10/; echo rc=$?")).doesNotContain("hello").containsPattern("rc=(7|28)");
    }

    @Test
    void aSwitchLeavesTheOldFlannel1AndRoutesBehindAndNodesOnDifferentBackendsCannotTalk() {
        up(3, "affected");
        String net = lab.env().get("LAB_NET");
        sh(server, "ethtool -K flannel.1 tx-checksum-ip-generic off >/dev/null");
        sh(server, "echo 'flannel-backend: host-gw' >> /etc/rancher/k3s/config.yaml; systemctl restart k3s");

        // vxlan -> host-gw cleans nothing: flannel.1 (offload state too) and the routes to vxlan peers stay
        assertThat(sh(server, "ip -br link show flannel.1")).startsWith("flannel.1");
        assertThat(offload(server)).isEqualTo("off");
        assertThat(sh(server, "ip route show 10.42.2.0/24")).isEqualTo("10.42.2.0/24 via 10.42.2.0 dev flannel.1 onlink \n");

        // agent 2 switches: its route to the server is replaced; the running server's flannel replaces its route
        // to agent 2 (same backend now); agent 3 (still vxlan) ignores agent 2's new lease and keeps its route
        sh(agent2, "systemctl restart k3s-agent");
        assertThat(sh(agent2, "ip route show 10.42.1.0/24")).isEqualTo("10.42.1.0/24 via " + net + ".11 dev eth0 \n");
        assertThat(sh(agent2, "ip route show 10.42.3.0/24")).isEqualTo("10.42.3.0/24 via 10.42.3.0 dev flannel.1 onlink \n");
        assertThat(sh(server, "ip route show 10.42.2.0/24")).isEqualTo("10.42.2.0/24 via " + net + ".12 dev eth0 \n");
        assertThat(sh(agent3, "ip route show 10.42.2.0/24")).isEqualTo("10.42.2.0/24 via 10.42.2.0 dev flannel.1 onlink \n");
        // the stale flannel.1 on agent 2 still carries agent 3's traffic
        assertThat(sh(agent3, "curl -s -m 5 http://10.43.0.10/")).contains("hello from " + agent2 + "-pod");

        // once someone cleans it, vxlan agent 3 and host-gw agent 2 cannot talk; host-gw server and agent 2 can
        sh(agent2, "ip link del flannel.1");
        assertThat(sh(agent2, "ip route show 10.42.3.0/24")).isEmpty();
        assertThat(sh(agent3, "curl -s -m 3 http://10.43.0.10/; echo rc=$?")).doesNotContain("hello").containsPattern("rc=(7|28)");
        assertThat(sh(server, "curl -s -m 5 http://10.43.0.10/")).contains("hello from " + agent2 + "-pod");
    }

    @Test
    void callsLogRecordsRestartsInOrder() {
        up(3, "affected");
        sh(server, "systemctl restart k3s");
        sh(agent2, "systemctl restart k3s-agent");
        sh(agent3, "systemctl restart k3s-agent");

        double s = restartTime(server, "k3s");
        double a2 = restartTime(agent2, "k3s-agent");
        double a3 = restartTime(agent3, "k3s-agent");
        assertThat(s).isLessThan(a2);
        assertThat(a2).isLessThan(a3);
    }

    @Test
    void k3sKubectlListsNodesAndTheServiceOnTheServerOnly() {
        up(3, "affected");
        assertThat(kubectl("get", "nodes")).startsWith("NAME ").containsPattern("STATUS\\s+ROLES\\s+AGE\\s+VERSION")
                .containsPattern(server + "\\s+Ready\\s+control-plane,master\\s+\\S+\\s+v1\\.28\\.12\\+k3s1")
                .containsPattern(agent2 + "\\s+Ready\\s+<none>");
        assertThat(kubectl("get", "node", agent3, "-o", "jsonpath=" + BACKEND_TYPE)).isEqualTo("vxlan");
        assertThat(kubectl("get", "svc", "-A")).containsPattern("default\\s+web\\s+ClusterIP\\s+10\\.43\\.0\\.10\\s+<none>\\s+80/TCP");
        // exactly what nodefix's probe target discovery runs (ProbeRuns)
        assertThat(sh(server, "k3s kubectl get svc -A -o jsonpath='{range .items[*]}{.spec.clusterIP}:{.spec.ports[0].port}"
                + "{\"\\n\"}{end}'")).isEqualTo("10.43.0.10:80\n");

        sh(agent3, "systemctl stop k3s-agent");
        assertThat(kubectl("get", "nodes")).containsPattern(agent3 + "\\s+NotReady");

        assertThat(sh(agent2, "k3s kubectl get nodes 2>&1; echo rc=$?"))
                .contains("The connection to the server localhost:8080 was refused", "rc=1");
        sh(server, "systemctl stop k3s");
        assertThat(sh(server, "k3s kubectl get nodes 2>&1; echo rc=$?"))
                .contains("The connection to the server 127.0.0.1:6443 was refused", "rc=1");
    }

    @Test
    void rebootResetsRuntimeStateAndOffloadAndFiresUdevRulesAndDeviceBoundUnits() {
        up(3, "offload-off-unpersisted");
        // server: the kops-style oneshot bound to flannel.1; agent 3: flannel's udev rule; agent 2: nothing
        sh(server, "printf '[Unit]\\nAfter=sys-devices-virtual-net-flannel.1.device\\n[Service]\\nType=oneshot\\n"
                + "ExecStart=/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off\\n[Install]\\n"
                + "WantedBy=sys-devices-virtual-net-flannel.1.device\\n' > /etc/systemd/system/flannel-offload.service;"
                + " systemctl enable flannel-offload.service 2>/dev/null");
        sh(agent3, "echo 'SUBSYSTEM==\"net\", ACTION==\"add|change|move\", ENV{INTERFACE}==\"flannel.1\","
                + " RUN+=\"/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off\"' > /etc/udev/rules.d/90-flannel.rules");
        for (String node : lab.names()) {
            sh(node, "touch /run/before-reboot");
            assertThat(offload(node)).as(node).isEqualTo("off");
        }

        String out = lab.reboot();

        assertThat(out).contains(server + ": rebooted; started k3s.service: active",
                agent2 + ": rebooted; started k3s-agent.service: active");
        assertThat(offload(agent2)).isEqualTo("on");       // unpersisted: back on
        assertThat(offload(server)).isEqualTo("off");      // device-bound unit ran
        assertThat(offload(agent3)).isEqualTo("off");      // udev rule ran
        assertThat(sh(server, "cat /run/lab-systemd/devhooks.log")).contains("start flannel-offload.service -> rc=0");
        assertThat(sh(agent3, "cat /run/lab-systemd/devhooks.log")).contains("udev add flannel.1 90-flannel.rules");
        for (String node : lab.names()) {
            assertThat(sh(node, "ls /run/before-reboot 2>&1; cat /run/flannel/subnet.env")).as(node)
                    .contains("No such file", "FLANNEL_MTU=1450");
            assertThat(sh(node, "grep -c -- '-- reboot --' /run/lab-systemd/calls.log")).isEqualTo("1\n");
        }
        assertThat(sh(agent2, "tail -1 /run/lab-systemd/calls.log")).contains("(boot) systemctl start k3s-agent.service");
        assertThat(kubectl("get", "nodes")).doesNotContain("NotReady");
        // sshd kept running with the same host key (strict host-key checking)
        CliRunner.Result ping = new CliRunner().run("ping", "-i", lab.inventory().toString());
        assertThat(ping.exitCode()).as(ping.toString()).isZero();
        assertThat(sh(agent3, "curl -s -m 5 http://10.43.0.10/")).contains("hello from " + agent2 + "-pod");
    }

    @Test
    void diagnoseProbeWithoutTargetDiscoversTheClusterIpThroughK3sKubectl() {
        up(3, "affected");
        CliRunner.Result r = new CliRunner().run("diagnose", "-i", lab.inventory().toString(), "--probe");

        assertThat(r.exitCode()).as("affected: " + r).isEqualTo(10);
        assertThat(r.out().lines().filter(l -> l.matches("\\s+\\[info] PROBE_CONNECT: TCP connect to 10\\.43\\.0\\.10:80"
                + " in \\d+\\.\\d ms"))).as(r.out()).hasSize(3);
        assertThat(r.out()).doesNotContain("PROBE_FAILED");
    }

    // ---------------------------------------------------------------- helpers

    private String sh(String node, String script) {
        return lab.exec(node, "sh", "-c", script);
    }

    private String kubectl(String... args) {
        StringBuilder cmd = new StringBuilder("k3s kubectl");
        for (String a : args) {
            cmd.append(" '").append(a.replace("'", "'\\''")).append("'");
        }
        return sh(server, cmd.toString());
    }

    private String backendTypes() {
        return kubectl("get", "nodes", "-o", "jsonpath={range .items[*]}{.metadata.name}=" + BACKEND_TYPE + " {end}");
    }

    private String offload(String node) {
        return sh(node, "ethtool -k flannel.1 | awk '$1 == \"tx-checksum-ip-generic:\" { print $2 }'").strip();
    }

    /** Replaces the unit's ExecStart (the last thing in the lab's unit file) with {@code k3s ARGS} on one line. */
    private void setExecStart(String node, String unit, String args) {
        String f = "/etc/systemd/system/" + unit + ".service";
        sh(node, "sed -i '/^ExecStart=/,$d' " + f + " && echo \"ExecStart=/usr/local/bin/k3s " + args + "\" >> " + f);
    }

    /** A udev rule and a flannel.1-bound oneshot unit that only leave marker files in /run. */
    private void installMarkerHooks(String node) {
        sh(node, "echo 'SUBSYSTEM==\"net\", ACTION==\"add\", KERNEL==\"flannel.1\", RUN+=\"/usr/bin/touch /run/udev-fired-%k\"'"
                + " > /etc/udev/rules.d/50-marker.rules;"
                + " printf '[Service]\\nType=oneshot\\nExecStart=/usr/bin/touch /run/unit-fired\\n[Install]\\n"
                + "WantedBy=sys-devices-virtual-net-flannel.1.device\\n' > /etc/systemd/system/marker.service;"
                + " systemctl enable marker.service 2>/dev/null");
    }

    private void switchAllToHostGw() {
        sh(server, "echo 'flannel-backend: host-gw' >> /etc/rancher/k3s/config.yaml; systemctl restart k3s");
        for (String agent : lab.names().subList(1, lab.size())) {
            sh(agent, "systemctl restart k3s-agent");
        }
    }

    private double restartTime(String node, String unit) {
        String line = sh(node, "grep ' systemctl restart " + unit + "$' /run/lab-systemd/calls.log | tail -1");
        assertThat(line).as(node).isNotBlank();
        return Double.parseDouble(line.substring(0, line.indexOf(' ')));
    }

    private static String netConf(String type) {
        return "{\n\t\"Network\": \"10.42.0.0/16\",\n\t\"EnableIPv6\": false,\n\t\"EnableIPv4\": true,\n\t\"IPv6Network\": \"::/0\","
                + "\n\t\"Backend\": {\n\t\"Type\": \"" + type + "\"\n}\n}\n";
    }
}
