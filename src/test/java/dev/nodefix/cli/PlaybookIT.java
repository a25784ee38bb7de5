package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped playbooks on real lab nodes: the whole story (diagnose, fix, diagnose, reboot, still fixed,
 * rollback, affected again and the nodes identical to before), the backend switch to host-gw and back, the
 * L2 preflight refusing across a router, and a rolling run that stops at a failing batch and rolls it back.
 */
class PlaybookIT {
    private static final String FIX = "playbooks/fix-vxlan-checksum.yaml";
    private static final String SWITCH = "playbooks/switch-backend-host-gw.yaml";
    private static final String CLUSTER_IP = "10.43.0.10:80";
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxp", "nfxpbr0", "10.99.44", "target/it-playbook");
    private final Lab lab = LAB.lab();

    @TempDir Path state;
    @TempDir Path tmp;
    private LabChanges nodes;

    @BeforeEach
    void clean() {
        nodes = LAB.freshNodes(state);
    }

    @Test
    void theWholeStoryFixSurvivesARebootAndRollsBackToIdenticalNodes() throws IOException {
        Map<String, NodeSnapshot> before = nodes.snapshots();
        assertThat(verdict()).isEqualTo("affected");

        CliRunner.Result fix = nodes.nodefix("play", FIX, "--yes", "-e", "probe_target=" + CLUSTER_IP);
        assertThat(fix.exitCode()).as(fix.toString()).isZero();
        assertThat(fix.out()).contains("RUN ").contains("GATE  healthy").contains("PLAY RECAP")
                .contains("undo it with: nodefix rollback ");
        for (String node : lab.names()) {
            assertThat(nodes.offload(node)).as(node).isEqualTo("off");
            assertThat(fix.out()).containsPattern(node + " +ok=5 +changed=3 +unreachable=0 +failed=0 ");
        }
        assertThat(verdict()).isEqualTo("not-affected");

        CliRunner.Result again = nodes.nodefix("play", FIX, "--yes");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("nothing to change; no run recorded").doesNotContain("RUN ")
                .doesNotContain("changed=1").contains("changed=0");

        lab.reboot();
        for (String node : lab.names()) {
            assertThat(nodes.offload(node)).as(node + " after the reboot").isEqualTo("off");
        }
        assertThat(verdict()).isEqualTo("not-affected");

        CliRunner.Result rollback = nodes.nodefix("rollback", "--last", "--yes");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(verdict()).isEqualTo("affected");
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    @Test
    void thePlanIsShownAndNothingChangesWithoutAnswer() throws IOException {
        CliRunner.Result check = nodes.nodefix("play", FIX, "--check", "--json");
        CliRunner.Result unanswered = nodes.nodefix("play", FIX);

        assertThat(check.exitCode()).as(check.toString()).isZero();
        Map<String, Object> root = JSON.std.mapFrom(check.out());
        assertThat(root.get("check")).isEqualTo(true);
        assertThat(root.get("run")).isNull();
        List<?> tasks = (List<?>) root.get("tasks");
        assertThat(tasks).hasSize(5 * 3);
        assertThat(tasks.stream().map(t -> String.valueOf(((Map<?, ?>) t).get("status"))).distinct().toList())
                .contains("changed", "deferred");
        assertThat(unanswered.exitCode()).as(unanswered.toString()).isEqualTo(1);
        assertThat(unanswered.err()).contains("nothing changed").contains("--yes");
        for (String node : lab.names()) {
            assertThat(nodes.offload(node)).as(node).isEqualTo("on");
        }
    }

    @Test
    void theBackendSwitchesToHostGwServerFirstAndRollsBackToVxlan() throws IOException {
        Map<String, NodeSnapshot> before = nodes.snapshots();

        CliRunner.Result switched = nodes.nodefix("play", SWITCH, "--yes", "-e", "probe_target=" + CLUSTER_IP);
        assertThat(switched.exitCode()).as(switched.toString()).isZero();
        String out = switched.out();
        assertThat(out.indexOf("PLAY [Servers, one at a time]")).isLessThan(out.indexOf("PLAY [Agents, in batches]"));
        assertThat(out).contains("PLAY [Agents, in batches]  2 host(s), 2 batch(es)").contains("GATE  healthy");
        for (String node : lab.names()) {
            assertThat(backend(node)).as(node).isEqualTo("host-gw");
            assertThat(lab.exec(node, "sh", "-c", "ip link show flannel.1 >/dev/null 2>&1 && echo present || echo gone"))
                    .as(node + ": flannel.1").contains("gone");
        }

        CliRunner.Result rollback = nodes.nodefix("rollback", "--last", "--yes");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        for (String node : lab.names()) {
            assertThat(backend(node)).as(node + " after the rollback").isEqualTo("vxlan");
        }
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    @Test
    void aFailingBatchStopsTheRunAndIsRolledBack() throws IOException {
        String failing = lab.names().get(1);
        Path book = Files.writeString(tmp.resolve("rolling.yaml"), """
                # a marker file on every node, one node at a time; the second node fails after writing it
                - hosts: all
                  serial: 1
                  max_fail_percentage: 0
                  gather_facts: false
                  tasks:
                    - name: marker
                      file: {path: /etc/nodefix-it-marker, content: "rolled\\n"}
                    - name: fail on %s
                      command: {cmd: "exit 3"}
                      when: host == '%s'
                """.formatted(failing, failing));
        Map<String, NodeSnapshot> before = nodes.snapshots();

        CliRunner.Result run = nodes.nodefix("play", book.toString(), "--yes", "--rollback-on-failure");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).contains("STOPPED  1 of 1 host(s) of the batch failed, above max_fail_percentage 0")
                .contains("rolling back the batch that stopped the run: " + failing);
        String first = lab.names().get(0);
        String last = lab.names().get(2);
        assertThat(lab.exec(first, "cat", "/etc/nodefix-it-marker")).isEqualTo("rolled\n");
        assertThat(NodeSnapshot.of(lab, failing)).as("rolled back").isEqualTo(before.get(failing));
        assertThat(NodeSnapshot.of(lab, last)).as("never reached").isEqualTo(before.get(last));
        nodes.nodefix("rollback", LabChanges.runId(run), "--yes");
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    @Test
    void hostGwIsRefusedBeforeAnyChangeWhenAPeerIsBehindARouter() {
        Path repo = Path.of("").toAbsolutePath();
        Lab.LabNames names = new Lab.LabNames("nfxq", "nfxqbr0", "10.99.45", repo.resolve("target/it-playbook-l2"));
        try (Lab routed = Lab.up(repo, 4, "not-l2-adjacent", names)) {
            CliRunner.Result refused = new CliRunner().clock(Clock.systemUTC()).env("XDG_STATE_HOME", state.toString())
                    .run("play", SWITCH, "-i", routed.inventory().toString(), "--yes");

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.out()).contains("nothing changed: play \"L2 preflight (every node pair on-link)\" has"
                    + " any_errors_fatal").contains("through a router: host-gw is impossible here")
                    .doesNotContain("RUN ");
            String server = routed.names().get(0);
            assertThat(routed.exec(server, "cat", "/etc/rancher/k3s/config.yaml")).doesNotContain("host-gw");
        }
    }

    private String verdict() throws IOException {
        CliRunner.Result r = nodes.nodefix("diagnose", "--json");
        return String.valueOf(JSON.std.mapFrom(r.out()).get("verdict"));
    }

    private String backend(String node) {
        return lab.exec(node, "sh", "-c", "sed -n 's/.*\"Type\": *\"\\([a-z-]*\\)\".*/\\1/p' /var/lib/rancher/k3s/agent/etc/flannel/net-conf.json 2>/dev/null"
                + " || true").strip();
    }
}
