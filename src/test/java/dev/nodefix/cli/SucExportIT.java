package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

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

    /** One Job of {@code plan} on {@code node}: the Secret where its mount is, the upgrade container's command. */
    @SuppressWarnings("unchecked")
    private String job(Map<String, Object> plan, String node, String script) {
        Map<String, Object> spec = map(plan, "spec");
        Map<String, Object> secret = ((List<Map<String, Object>>) spec.get("secrets")).get(0);
        String dir = ((String) secret.get("path")).replaceFirst("^/host/", "/");
        lab.exec(node, "sh", "-c", "mkdir -p \"$1\" && printf %s \"$2\" | base64 -d > \"$1/node.sh\"", "put", dir,
                Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> upgrade = map(spec, "upgrade");
        List<String> argv = new ArrayList<>(List.of("env", "SYSTEM_UPGRADE_NODE_NAME=" + node,
                "SYSTEM_UPGRADE_POD_NAME=apply-" + map(plan, "metadata").get("name") + "-on-" + node,
                "SYSTEM_UPGRADE_POD_UID=00000000-0000-4000-8000-000000000000",
                "SYSTEM_UPGRADE_PLAN_NAME=" + map(plan, "metadata").get("name"),
                "SYSTEM_UPGRADE_PLAN_LATEST_VERSION=" + spec.get("version"),
                "SYSTEM_UPGRADE_PLAN_LATEST_HASH=0123456789abcdef0123456789abcdef0123456789abcdef01234567"));
        ((List<String>) upgrade.get("command")).forEach(w -> argv.add(w.equals("/host") ? "/" : w));
        argv.addAll((List<String>) upgrade.get("args"));
        try {
            return lab.exec(node, argv.toArray(String[]::new));
        } finally {
            lab.exec(node, "rm", "-rf", "/run/system-upgrade");
        }
    }

    private Map<String, String> journals() {
        Map<String, String> out = new LinkedHashMap<>();
        lab.names().forEach(n -> out.put(n, lab.exec(n, "cat", "/var/lib/nodefix/runs/" + RUN + ".journal")));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))
                .forEach(d -> docs.add((Map<String, Object>) d));
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }
}
