package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nodefix export suc} emulated on the lab: the Plans' Jobs as SUC would run them, node by node in the Plans'
 * order (the server Plan's node, then the agent Plan's, one at a time, which its concurrency allows): the Secret's
 * script put where the Secret's mount puts it and the upgrade container's command run inside the node with SUC's
 * environment variables. The node's root is the lab node's own root, so {@code chroot /host} is run as
 * {@code chroot /} (a lab node is namespaces over this machine's root, with no separate /host to mount). Then:
 * diagnose says not affected, a second pass changes nothing, a reboot keeps it fixed, {@code runs --from-nodes}
 * lists the run, and {@code rollback RUN --from-nodes} over SSH gives back nodes identical to before.
 */
class SucExportIT {
    private static final String FIX = "playbooks/fix-vxlan-checksum.yaml";
    private static final String RUN = "20261202T171500Z-0b1e";
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxj", "nfxjbr0", "10.99.135", "/tmp/nodefix-lab-nfxj");
    private final Lab lab = LAB.lab();

    @TempDir Path state;
    @TempDir Path out;

    @Test
    void thePlansJobsFixEveryNodeJournaledAndTheSshSideRollsThemBack() throws IOException {
        LabChanges nodes = LAB.freshNodes(state);
        Map<String, NodeSnapshot> before = nodes.snapshots();
        CliRunner.Result export = new CliRunner().run("export", "suc", FIX, "--run-id", RUN, "-o", out.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        List<Map<String, Object>> docs = documents(out.resolve("nodefix-fix-vxlan-checksum.yaml"));
        String script = (String) map(docs.get(0), "stringData").get("node.sh");
        Map<String, Object> server = docs.get(1);
        Map<String, Object> agent = docs.get(2);
        assertThat(map(server, "spec").get("concurrency")).isEqualTo(1);

        String first = lab.names().get(0); // the lab's k3s server: the control-plane node the server Plan selects
        List<String> agents = lab.names().subList(1, lab.size());
        String killed = agents.get(agents.size() - 1); // an earlier attempt of this run's Job, killed: its lock stays
        lab.exec(killed, "sh", "-c", "mkdir -p /var/lib/nodefix && echo '" + RUN + " started 2026-12-02T17:15:00Z by"
                + " system-upgrade-controller@" + killed + " pid 999999' > /var/lib/nodefix/lock");
        List<String> passOne = new ArrayList<>(List.of(job(server, first, script)));
        agents.forEach(n -> passOne.add(job(agent, n, script)));
        for (int i = 0; i < passOne.size(); i++) {
            String node = lab.names().get(i);
            assertThat(passOne.get(i)).as(node)
                    .contains("changed: [" + node + "] Offload off on flannel.1 now => flannel.1: tx-checksum-ip-generic on -> off")
                    .contains("changed: [" + node + "] Keep it off with a udev rule => create /etc/udev/rules.d/90-flannel.rules")
                    .contains("ok: [" + node + "] Offload is off on flannel.1 => all assertions passed")
                    .contains("skipped: [" + node + "] A ClusterIP answers across nodes within 1 s")
                    .contains("RECAP: [" + node + "] ok=1 changed=3 failed=0 skipped=1 run " + RUN);
            assertThat(nodes.offload(node)).as(node).isEqualTo("off");
        }
        assertThat(lab.exec(killed, "sh", "-c", "test ! -e /var/lib/nodefix/lock && echo free")).isEqualTo("free\n");
        CliRunner.Result diagnose = nodes.nodefix("diagnose");
        assertThat(diagnose.exitCode()).as(diagnose.toString()).isZero();

        Map<String, String> journals = journals();
        for (String node : lab.names()) {
            assertThat(job(node.equals(first) ? server : agent, node, script)).as(node)
                    .contains("RECAP: [" + node + "] ok=4 changed=0 failed=0 skipped=1 run " + RUN);
        }
        assertThat(journals()).as("a second pass journals nothing").isEqualTo(journals);

        lab.reboot();
        lab.names().forEach(n -> assertThat(nodes.offload(n)).as(n + " after reboot").isEqualTo("off"));
        assertThat(nodes.nodefix("diagnose").exitCode()).isZero();

        CliRunner.Result listed = nodes.nodefix("runs", "--from-nodes", "-i", lab.inventory().toString());
        assertThat(listed.out()).as(listed.toString()).containsPattern(RUN + " .* apply +3/3 +no +done ");
        CliRunner.Result rollback = nodes.nodefix("rollback", RUN, "--from-nodes", "--yes");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(nodes.snapshots()).isEqualTo(before);
        lab.names().forEach(n -> assertThat(nodes.offload(n)).as(n).isEqualTo("on"));

        String again = job(agent, agents.get(0), script);
        assertThat(again).as("a Job re-run after the rollback").contains("run " + RUN + " was rolled back on this node");
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    private String job(Map<String, Object> plan, String node, String script) {
        return new SucJobs(lab, Map.of(), Map.of(), Map.of()).job(plan, node, script);
    }

    private Map<String, String> journals() {
        Map<String, String> out = new LinkedHashMap<>();
        lab.names().forEach(n -> out.put(n, lab.exec(n, "cat", "/var/lib/nodefix/runs/" + RUN + ".journal")));
        return out;
    }

    private static List<Map<String, Object>> documents(Path file) throws IOException {
        return SucJobs.documents(file);
    }

    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return SucJobs.map(m, key);
    }
}
