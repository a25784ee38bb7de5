package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import dev.nodefix.report.JsonSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command with {@code --json} run against a 3-node lab, each document validated against its schema under
 * docs/schema/: facts, diagnose, ping, run -a, play --check, play, runs, runs show, rollback, run -m, rollback
 * --last and runs --from-nodes; the nodes end as they began.
 */
class JsonContractIT {
    private static final String FIX = "playbooks/fix-vxlan-checksum.yaml";
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxo", "nfxo0", "10.99.160", "/tmp/nfxo-lab");
    private final Lab lab = LAB.lab();
    private final JsonSchemas schemas = new JsonSchemas();

    @TempDir Path state;

    @Test
    void everyCommandsDocumentFitsItsSchemaOnRealNodes() throws IOException {
        LabChanges nodes = LAB.freshNodes(state);
        Map<String, NodeSnapshot> before = nodes.snapshots();

        valid("facts", nodes.nodefix("facts", "--json"), 0);
        Map<String, Object> diagnosis = valid("diagnose", nodes.nodefix("diagnose", "--json"), 10);
        assertThat(diagnosis.get("verdict")).isEqualTo("affected");
        Map<String, Object> ping = valid("ping", nodes.nodefix("ping", "--json"), 0);
        assertThat(((Map<?, ?>) ping.get("summary")).get("ok")).isEqualTo(3);
        valid("run", nodes.nodefix("run", "-a", "uname -r", "--json"), 0);

        Map<String, Object> check = valid("play", nodes.nodefix("play", FIX, "--check", "--json", "-e",
                "probe_target=10.43.0.10:80"), 0);
        assertThat(check.get("check")).isEqualTo(true);
        Map<String, Object> fix = valid("play", nodes.nodefix("play", FIX, "--yes", "--json", "-e",
                "probe_target=10.43.0.10:80"), 0);
        String id = String.valueOf(fix.get("run"));
        assertThat(changes(fix)).as("the fix changed the nodes").isNotEmpty();
        lab.names().forEach(n -> assertThat(nodes.offload(n)).as(n).isEqualTo("off"));

        Map<String, Object> runs = valid("runs", nodes.nodefix("runs", "--json"), 0);
        assertThat(((List<?>) runs.get("runs"))).hasSize(1);
        Map<String, Object> shown = valid("runs-show", nodes.nodefix("runs", "show", id, "--json"), 0);
        Map<?, ?> recorded = (Map<?, ?>) ((List<?>) ((Map<?, ?>) shown.get("changes")).get(lab.names().get(1))).get(0);
        assertThat(((Map<?, ?>) recorded.get("change")).keySet().stream().map(String::valueOf).toList()).as("the play document's change shape")
                .containsExactly("kind", "describe", "diff");

        Map<String, Object> undo = valid("rollback", nodes.nodefix("rollback", id, "--yes", "--json"), 0);
        assertThat(changes(undo)).isNotEmpty();
        assertThat(nodes.snapshots()).isEqualTo(before);

        Map<String, Object> module = valid("run", nodes.nodefix("run", "-m", "ethtool", "-a",
                "iface=flannel.1 features.tx-checksum-ip-generic=off", "--yes", "--json"), 0);
        assertThat(changes(module)).isNotEmpty();
        valid("rollback", nodes.nodefix("rollback", "--last", "--yes", "--json"), 0);
        assertThat(nodes.snapshots()).isEqualTo(before);

        Map<String, Object> found = valid("runs", nodes.nodefix("runs", "--from-nodes", "-i", lab.inventory().toString(),
                "--json"), 0);
        assertThat(found.get("source")).isEqualTo("nodes");
        assertThat((List<?>) found.get("runs")).hasSize(4);
    }

    /** The document, after checking the exit code and that stdout fits schema {@code name}. */
    private Map<String, Object> valid(String name, CliRunner.Result r, int exit) throws IOException {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(exit);
        schemas.assertValid(name, r.out());
        Map<String, Object> root = JSON.std.mapFrom(r.out());
        assertThat(root.keySet().iterator().next()).as(name).isEqualTo("schema_version");
        return root;
    }

    private static List<?> changes(Map<String, Object> play) {
        return ((List<?>) play.get("tasks")).stream().flatMap(t -> ((List<?>) ((Map<?, ?>) t).get("changes")).stream())
                .toList();
    }
}
