package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run history that survives the controller: the fix played on 3 lab nodes, this machine's run store deleted, the run
 * listed from the nodes' own journals ({@code runs --from-nodes}), rolled back from them ({@code rollback --last
 * --from-nodes}) to nodes identical to before, and listed rolled back; a node that cannot be reached is named.
 */
class RunsFromNodesIT {
    private static final String FIX = "playbooks/fix-vxlan-checksum.yaml";
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxw", "nfxbrw0", "10.99.73", "/tmp/nodefix-lab-nfxw");
    private final Lab lab = LAB.lab();

    @TempDir Path state;

    @Test
    void aRunWhoseControllerStoreIsLostIsListedFromTheNodesAndRolledBack() throws IOException {
        LabChanges nodes = LAB.freshNodes(state);
        Map<String, NodeSnapshot> before = nodes.snapshots();
        CliRunner.Result fix = nodes.nodefix("play", FIX, "--yes", "-e", "probe_target=10.43.0.10:80");
        assertThat(fix.exitCode()).as(fix.toString()).isZero();
        String id = LabChanges.runId(fix);
        lab.names().forEach(n -> assertThat(nodes.offload(n)).as(n).isEqualTo("off"));
        String inventory = "inventory: " + lab.inventory().toAbsolutePath().normalize();
        assertThat(nodes.nodefix("runs", "show", id).out()).contains(inventory);
        delete(state.resolve("nodefix/runs"));

        CliRunner.Result listed = fromNodes(nodes);
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).as(listed.toString()).contains("runs in the journals of 3 of 3 host(s)")
                .containsPattern(id + " .* apply +3/3 +no +done ")
                .contains("    " + String.join(", ", lab.names().stream().map(n -> n + ": done").toList()));
        Map<String, Object> json = JSON.std.mapFrom(fromNodes(nodes, "--json").out());
        assertThat(json.get("schema_version")).isEqualTo(1);
        Map<?, ?> run = (Map<?, ?>) ((List<?>) json.get("runs")).get(0);
        assertThat(run.get("id")).isEqualTo(id);
        assertThat(run.get("in_store")).isEqualTo(false);
        assertThat(run.get("hosts")).isEqualTo(each("done"));

        String third = lab.names().get(2);
        lab.stopSshd(third);
        try {
            CliRunner.Result partial = fromNodes(nodes);
            assertThat(partial.exitCode()).as(partial.toString()).isZero();
            assertThat(partial.out()).contains("runs in the journals of 2 of 3 host(s); cannot tell for " + third)
                    .containsPattern(id + " .* 2/2 ").contains("cannot tell for " + third + " (unreachable: ");
        } finally {
            lab.startSshd(third);
        }

        CliRunner.Result rollback = nodes.nodefix("rollback", "--last", "--from-nodes", "--yes");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).contains("PLAN rollback " + id);
        assertThat(nodes.snapshots()).isEqualTo(before);

        CliRunner.Result after = fromNodes(nodes);
        String undo = LabChanges.runId(rollback);
        assertThat(after.out()).as(after.toString()).containsPattern(id + " .* apply +3/3 +no +rolled back ")
                .containsPattern(undo + " .* rollback +3/3 +yes +done +rollback " + id);
        assertThat(nodes.nodefix("runs", "show", undo).out()).contains(inventory).contains("rollback " + id);
        CliRunner.Result again = nodes.nodefix("rollback", "--last", "--from-nodes", "--check");
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("no run in the journals of the 3 host(s) read has anything left to roll back");
    }

    private CliRunner.Result fromNodes(LabChanges nodes, String... more) {
        return nodes.nodefix(Stream.concat(Stream.of("runs", "--from-nodes", "-i", lab.inventory().toString()),
                Stream.of(more)).toArray(String[]::new));
    }

    private Map<String, String> each(String state) {
        Map<String, String> out = new LinkedHashMap<>();
        lab.names().forEach(n -> out.put(n, state));
        return out;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertThat(dir).doesNotExist();
    }
}
