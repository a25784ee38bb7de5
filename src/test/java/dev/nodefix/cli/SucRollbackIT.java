package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nodefix export suc --rollback RUN} emulated on the lab ({@link SucJobs}: each Job in the Plans' order, the
 * server Plan's node first, then the agent Plan's): a run applied by the exported fix's Jobs, and one applied over SSH
 * by {@code nodefix play}, rolled back by the rollback Plans' Jobs from the nodes' own journals. The nodes end
 * identical to before the run, {@code runs --from-nodes} lists the rollback as one of RUN and RUN as rolled back, a
 * second pass changes nothing, and {@code rollback RUN --from-nodes} over SSH afterwards finds nothing left to undo.
 */
class SucRollbackIT {
    private static final String FIX = "playbooks/fix-vxlan-checksum.yaml";
    private static final String RUN = "20261202T190000Z-5a1e";
    private static final String RB = "20261202T191500Z-7b2f";
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxq", "nfxq0", "10.99.151", "target/it-lab-nfxq");
    private final Lab lab = LAB.lab();

    @TempDir Path state;
    @TempDir Path out;

    @Test
    void aRunTheFixPlansAppliedIsUndoneByTheRollbackPlansFromTheNodesJournals() throws IOException {
        LabChanges nodes = LAB.freshNodes(state);
        Map<String, NodeSnapshot> before = nodes.snapshots();
        assertThat(new CliRunner().run("export", "suc", FIX, "--run-id", RUN, "-o", out.resolve("fix").toString())
                .exitCode()).isZero();
        SucJobs fix = SucJobs.of(lab, out.resolve("fix/nodefix-fix-vxlan-checksum.yaml"));
        fix.pass().forEach(o -> assertThat(o).contains("changed=3 failed=0"));
        lab.names().forEach(n -> assertThat(nodes.offload(n)).as(n).isEqualTo("off"));

        rollBackWithThePlans(nodes, RUN, before);
        String again = fix.job(lab.names().get(1));
        assertThat(again).as("the fix's Job re-run after the Plans' rollback")
                .contains("run " + RUN + " was rolled back on this node by " + RB + "; nothing done");
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    @Test
    void aRunAppliedOverSshIsUndoneByTheRollbackPlans() throws IOException {
        LabChanges nodes = LAB.freshNodes(state);
        Map<String, NodeSnapshot> before = nodes.snapshots();
        CliRunner.Result play = nodes.nodefix("play", FIX, "--yes");
        assertThat(play.exitCode()).as(play.toString()).isZero();
        String run = LabChanges.runId(play);
        lab.names().forEach(n -> assertThat(nodes.offload(n)).as(n).isEqualTo("off"));

        rollBackWithThePlans(nodes, run, before);
    }

    private void rollBackWithThePlans(LabChanges nodes, String run, Map<String, NodeSnapshot> before) throws IOException {
        CliRunner.Result export = new CliRunner().run("export", "suc", "--rollback", run, "--run-id", RB, "-o",
                out.resolve("rollback").toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        SucJobs rollback = SucJobs.of(lab, out.resolve("rollback/nodefix-rollback-" + run.toLowerCase() + ".yaml"));
        assertThat(SucJobs.map(rollback.server(), "spec").get("concurrency")).isEqualTo(1);
        assertThat(String.valueOf(SucJobs.map(rollback.agent(), "spec").get("prepare"))).contains(
                "plans.upgrade.cattle.io/" + SucJobs.map(rollback.server(), "metadata").get("name"));

        List<String> first = rollback.pass();
        for (int i = 0; i < first.size(); i++) {
            String node = lab.names().get(i);
            assertThat(first.get(i)).as(node)
                    .contains("undone: [" + node + "] undo Keep it off with a systemd oneshot bound to flannel.1 => disable"
                            + " flannel-tx-checksum-offload-disable.service")
                    .contains("undone: [" + node + "] undo Keep it off with a udev rule => remove /etc/udev/rules.d/90-flannel.rules")
                    .contains("undone: [" + node + "] undo Offload off on flannel.1 now => flannel.1: tx-checksum-ip-generic off -> on")
                    .contains("RECAP: [" + node + "] undone=7 skipped=0 conflict=0 failed=0 rollback " + RB + " of run " + run);
        }
        assertThat(nodes.snapshots()).isEqualTo(before);
        lab.names().forEach(n -> assertThat(nodes.offload(n)).as(n).isEqualTo("on"));

        CliRunner.Result listed = nodes.nodefix("runs", "--from-nodes", "-i", lab.inventory().toString());
        assertThat(listed.out()).as(listed.toString())
                .containsPattern(RB + " .* rollback +3/3 +no +done +rollback " + run)
                .containsPattern(run + " .* apply +3/3 +\\S+ +rolled back ");

        Map<String, String> journals = journals();
        rollback.pass().forEach(o -> assertThat(o).contains("undone=0 skipped=7 conflict=0 failed=0").doesNotContain("undone:"));
        assertThat(journals()).as("a second pass journals nothing").isEqualTo(journals);
        assertThat(nodes.snapshots()).isEqualTo(before);

        CliRunner.Result ssh = nodes.nodefix("rollback", run, "--from-nodes", "--yes");
        assertThat(ssh.exitCode()).as(ssh.toString()).isZero();
        assertThat(ssh.out()).as(ssh.toString()).doesNotContain("changed: [").contains("already undone (the before-image is in place)");
        assertThat(journals()).as("the SSH rollback finds nothing to undo and writes nothing").isEqualTo(journals);
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    /** Every node's journals, each file with its content. */
    private Map<String, String> journals() {
        Map<String, String> out = new LinkedHashMap<>();
        lab.names().forEach(n -> out.put(n, lab.exec(n, "sh", "-c", "for f in /var/lib/nodefix/runs/*.journal; do"
                + " echo \"== $f\"; cat \"$f\"; done")));
        return out;
    }
}
