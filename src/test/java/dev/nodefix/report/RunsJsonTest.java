package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.change.CommandChange;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.EntryCodec;
import dev.nodefix.journal.FoundRuns;
import dev.nodefix.journal.HostEnd;
import dev.nodefix.journal.InventoryUsed;
import dev.nodefix.journal.JournalText;
import dev.nodefix.journal.NodeHistory;
import dev.nodefix.journal.RollbackStatus;
import dev.nodefix.journal.RunKind;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.StoredRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code runs --json}, {@code runs show RUN --json} and {@code runs --from-nodes --json} against golden files under
 * {@code report/runs-json/} (the shapes docs/json.md documents; {@code -Dnodefix.updateGolden=true} rewrites them),
 * structurally ({@code schema_version} 1 first, every key of the shape snake_case and always present) and against
 * docs/schema/runs.schema.json and runs-show.schema.json.
 */
class RunsJsonTest {
    private static final String APPLY = "20261125T201503Z-aaaa";
    private static final String ROLLBACK = "20261125T211503Z-bbbb";
    private static final String OLD = "20261124T101503Z-cccc";
    private final JsonSchemas schemas = new JsonSchemas();

    @Test
    void theStoreListingKeepsItsShape() throws IOException {
        String json = new RunsJson().list("/home/alice/.local/state/nodefix/runs", stored(), this::status);
        assertGolden("list.json", json);
        schemas.assertValid("runs", json);
        Map<String, Object> root = JSON.std.mapFrom(json);
        assertThat(root.keySet()).containsExactly("schema_version", "source", "store", "runs", "unreadable");
        assertThat(root.get("schema_version")).isEqualTo(1);
        List<?> runs = (List<?>) root.get("runs");
        assertThat(runs).hasSize(3);
        for (Object r : runs) {
            assertThat(keys(r)).containsExactly("id", "kind", "rollback_of", "started", "finished", "what",
                    "hosts", "changed", "failed", "unreachable", "host_ends", "inventory", "rolled_back");
        }
        Map<?, ?> applied = (Map<?, ?>) runs.get(1);
        assertThat(applied.get("inventory")).isEqualTo(Map.of("sources", List.of("/srv/inv/lab.yaml"), "limit", "n*"));
        assertThat(keys(applied.get("rolled_back")))
                .containsExactly("summary", "complete", "hosts", "done", "stranded", "remaining");
        assertThat(((Map<?, ?>) runs.get(0)).get("inventory")).as("a run recorded before inventories were kept").isNull();
        assertThat(((Map<?, ?>) runs.get(2)).get("rolled_back")).as("a rollback").isNull();
    }

    @Test
    void oneRunShownKeepsItsShape() throws IOException {
        RunMeta meta = stored().runs().get(1);
        String text = EntryCodec.line(Optional.of("n1"), new Entry.Started(APPLY, RunKind.APPLY, Optional.empty(), meta.started()))
                + "\n" + EntryCodec.line(Optional.of("n1"), new Entry.Intent(1, 1, "offload off",
                new CommandChange("ethtool -K flannel.1 tx-checksum-ip-generic off",
                        Optional.of("ethtool -K flannel.1 tx-checksum-ip-generic on")), Optional.empty()))
                + "\n" + EntryCodec.line(Optional.of("n1"), new Entry.Done(1)) + "\n";

        String json = new RunsJson().show(meta, JournalText.parse("journal.jsonl", text), status(meta));

        assertGolden("show.json", json);
        schemas.assertValid("runs-show", json);
        Map<String, Object> root = JSON.std.mapFrom(json);
        assertThat(root.keySet()).containsExactly("schema_version", "source", "run", "changes", "warnings");
        Map<?, ?> change = (Map<?, ?>) ((List<?>) ((Map<?, ?>) root.get("changes")).get("n1")).get(0);
        assertThat(keys(change)).containsExactly("seq", "task", "task_name", "status", "change", "undoes");
        assertThat(keys(change.get("change"))).as("the change shape of the play document").containsExactly("kind", "describe", "diff");
    }

    @Test
    void theRunsFoundOnTheNodesKeepTheirShape() throws IOException {
        String journal = "nodefix-journal " + APPLY + "\n"
                + EntryCodec.line(Optional.empty(), new Entry.Started(APPLY, RunKind.APPLY, Optional.empty(),
                Instant.parse("2026-11-25T20:15:03Z"))) + "\n"
                + EntryCodec.line(Optional.empty(), new Entry.Intent(1, 1, "offload off",
                new CommandChange("ethtool -K flannel.1 tx-checksum-ip-generic off",
                        Optional.of("ethtool -K flannel.1 tx-checksum-ip-generic on")), Optional.empty())) + "\n";
        Map<String, NodeHistory> nodes = new LinkedHashMap<>();
        nodes.put("n1", NodeHistory.parse("n1", journal + EntryCodec.line(Optional.empty(), new Entry.Done(1)) + "\n", ""));
        nodes.put("n2", NodeHistory.parse("n2", journal, "inflight " + APPLY + " 1 4242\n")); // its controller died
        nodes.put("n3", new NodeHistory.Unreachable("connect timed out"));

        String json = new RunsJson().fromNodes(FoundRuns.of(nodes, Set.of()));

        assertGolden("from-nodes.json", json);
        schemas.assertValid("runs", json);
        Map<String, Object> root = JSON.std.mapFrom(json);
        assertThat(root.keySet()).containsExactly("schema_version", "source", "hosts_read", "cannot_tell", "runs");
        assertThat(root.get("source")).isEqualTo("nodes");
        Map<?, ?> run = (Map<?, ?>) ((List<?>) root.get("runs")).get(0);
        assertThat(keys(run)).containsExactly("id", "kind", "rollback_of", "started", "what", "hosts",
                "hosts_with_run", "hosts_read", "open", "in_store", "problems");
        assertThat(run.get("hosts")).isEqualTo(Map.of("n1", "done", "n2", "in_flight"));
        assertThat(root.get("cannot_tell")).isEqualTo(Map.of("n3", "unreachable: connect timed out"));
    }

    private StoredRuns stored() {
        RunMeta old = new RunMeta(OLD, RunKind.APPLY, Optional.empty(), Instant.parse("2026-11-24T10:15:03Z"), "x",
                List.of("n1"), Optional.of(new RunMeta.Outcome(Instant.parse("2026-11-24T10:15:09Z"), 1, 0, 0)));
        RunMeta applied = new RunMeta(APPLY, RunKind.APPLY, Optional.empty(), Instant.parse("2026-11-25T20:15:03Z"),
                "play playbooks/fix-vxlan-checksum.yaml", List.of("n1", "n2"),
                Optional.of(new RunMeta.Outcome(Instant.parse("2026-11-25T20:15:09Z"), 2, 0, 0,
                        Map.of("n1", HostEnd.CHANGED, "n2", HostEnd.CHANGED))),
                Optional.of(new InventoryUsed(List.of("/srv/inv/lab.yaml"), Optional.of("n*"))));
        RunMeta rollback = new RunMeta(ROLLBACK, RunKind.ROLLBACK, Optional.of(APPLY), Instant.parse("2026-11-25T21:15:03Z"),
                "rollback " + APPLY, List.of("n1", "n2"), Optional.of(new RunMeta.Outcome(Instant.parse("2026-11-25T21:15:09Z"),
                1, 0, 1, Map.of("n1", HostEnd.CHANGED, "n2", HostEnd.UNREACHABLE))),
                Optional.of(new InventoryUsed(List.of("/srv/inv/lab.yaml"), Optional.empty())));
        return new StoredRuns(List.of(old, applied, rollback), List.of(new StoredRuns.Unreadable("20261125T221503Z-dddd",
                "cannot read run.json: 'what' is missing or not text")));
    }

    private RollbackStatus status(RunMeta run) {
        return RollbackStatus.of(run, new java.util.LinkedHashSet<>(run.hosts()), stored().runs());
    }

    private static List<String> keys(Object map) {
        return ((Map<?, ?>) map).keySet().stream().map(String::valueOf).toList();
    }

    private static void assertGolden(String file, String actual) throws IOException {
        Path golden = Path.of("src/test/resources/report/runs-json", file);
        if (Boolean.getBoolean("nodefix.updateGolden")) {
            Files.writeString(golden, actual + "\n");
        }
        assertThat(actual + "\n").isEqualTo(Files.readString(golden));
    }
}
