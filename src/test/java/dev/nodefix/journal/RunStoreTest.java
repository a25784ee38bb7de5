package dev.nodefix.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.change.UdevTrigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller's run store on a temp dir: create, list, find, last, journal lines, finish. */
class RunStoreTest {
    @TempDir
    Path dir;

    @Test
    void listsRunsByStartTimeWhateverTheirDirectoryOrder() throws IOException {
        RunStore store = new RunStore(dir.resolve("runs"));
        assertThat(store.list()).isEmpty();
        assertThat(store.last()).isEmpty();
        // ids sort one way, start times the other (a clock stepped back): start time wins
        store.create(meta("20261125T100000Z-0003", "2026-11-25T10:00:03Z")).close();
        store.create(meta("20261125T100000Z-0001", "2026-11-25T10:00:05Z")).close();
        store.create(meta("20261125T100000Z-0002", "2026-11-25T10:00:01Z")).close();
        Files.createDirectories(store.dir().resolve("not-a-run"));
        Files.createDirectories(store.dir().resolve("20261125T100000Z-0009")); // died before run.json

        assertThat(store.list()).extracting(RunMeta::id)
                .containsExactly("20261125T100000Z-0002", "20261125T100000Z-0003", "20261125T100000Z-0001");
        assertThat(store.last()).map(RunMeta::id).contains("20261125T100000Z-0001");
        assertThat(store.find("20261125T100000Z-0003")).contains(meta("20261125T100000Z-0003", "2026-11-25T10:00:03Z"));
        assertThat(store.find("20261125T100000Z-0004")).isEmpty();
        assertThatThrownBy(() -> store.find("../etc")).isInstanceOf(JournalException.class).hasMessageContaining("not a run id");
    }

    @Test
    void journalLinesAreReadBackWithTheirHosts() {
        RunStore store = new RunStore(dir);
        RunMeta meta = meta("20261125T201503Z-3f9a", "2026-11-25T20:15:03Z");
        Entry.Started started = new Entry.Started(meta.id(), RunKind.APPLY, Optional.empty(), meta.started());
        Entry.Intent intent = new Entry.Intent(1, 1, "udev", new UdevTrigger("flannel.1"), Optional.empty());
        try (RunJournal journal = store.create(meta)) {
            journal.append("node2", started);
            journal.append("node1", started);
            journal.append("node2", intent);
            journal.append("node2", new Entry.Failed(1, "exit 1: no udevadm"));
            journal.append("node1", intent);
        }
        JournalText text = store.journal(meta.id());
        assertThat(text.torn()).isEmpty();
        assertThat(text.entries()).hasSize(5);
        Map<String, List<Recorded>> byHost = History.byHost(text.entries());
        assertThat(byHost.keySet()).containsExactly("node2", "node1");
        assertThat(byHost.get("node2")).extracting(Recorded::status).containsExactly(Recorded.Status.FAILED);
        assertThat(byHost.get("node1")).extracting(Recorded::status).containsExactly(Recorded.Status.UNFINISHED);
        assertThat(store.journal("20261125T201503Z-ffff").entries()).isEmpty();
    }

    @Test
    void aThreadInterruptedMidRunStillJournalsAndLeavesTheJournalOpen() {
        RunStore store = new RunStore(dir);
        RunMeta meta = meta("20261125T201503Z-3f9a", "2026-11-25T20:15:03Z");
        Entry.Intent intent = new Entry.Intent(1, 1, "udev", new UdevTrigger("flannel.1"), Optional.empty());
        try (RunJournal journal = store.create(meta)) {
            Thread.currentThread().interrupt(); // Ctrl-C in the shell while the change runs
            try {
                journal.append("node1", intent);
            } finally {
                Thread.interrupted();
            }
            journal.append("node1", new Entry.Done(1));
        }
        assertThat(History.byHost(store.journal(meta.id()).entries()).get("node1")).extracting(Recorded::status)
                .containsExactly(Recorded.Status.DONE);
    }

    @Test
    void aTornControllerJournalIsReported() throws IOException {
        RunStore store = new RunStore(dir);
        RunMeta meta = meta("20261125T201503Z-3f9a", "2026-11-25T20:15:03Z");
        try (RunJournal journal = store.create(meta)) {
            journal.append("node1", new Entry.Done(1));
        }
        Files.writeString(dir.resolve(meta.id()).resolve("journal.jsonl"), "{\"host\":\"node1\",\"pha",
                java.nio.file.StandardOpenOption.APPEND);
        JournalText text = store.journal(meta.id());
        assertThat(text.entries()).hasSize(1);
        assertThat(text.torn()).hasValueSatisfying(t -> assertThat(t.message()).contains("journal.jsonl:2: torn"));
    }

    @Test
    void finishingARunRewritesItsMeta() {
        RunStore store = new RunStore(dir);
        RunMeta meta = new RunMeta("20261125T201503Z-3f9a", RunKind.ROLLBACK, Optional.of("20261125T190000Z-0001"),
                Instant.parse("2026-11-25T20:15:03Z"), "rollback 20261125T190000Z-0001", List.of("node1", "node2"),
                Optional.empty());
        store.create(meta).close();
        assertThat(store.find(meta.id())).contains(meta);
        RunMeta done = meta.finish(new RunMeta.Outcome(Instant.parse("2026-11-25T20:16:00Z"), 3, 1, 1));
        store.writeMeta(done);
        assertThat(store.find(meta.id())).contains(done);
        assertThat(dir.resolve(meta.id()).resolve("run.json.tmp")).doesNotExist();
    }

    @Test
    void aRunIdIsCreatedOnce() {
        RunStore store = new RunStore(dir);
        RunMeta meta = meta("20261125T201503Z-3f9a", "2026-11-25T20:15:03Z");
        store.create(meta).close();
        assertThatThrownBy(() -> store.create(meta)).isInstanceOf(JournalException.class)
                .hasMessageContaining("cannot create run " + meta.id());
    }

    @Test
    void defaultDirHonoursXdgStateHomeAndFallsBackToLocalState() {
        Path home = Path.of("/home/alice");
        assertThat(RunStore.defaultDir(Map.of("XDG_STATE_HOME", "/srv/state"), home))
                .isEqualTo(Path.of("/srv/state/nodefix/runs"));
        assertThat(RunStore.defaultDir(Map.of(), home)).isEqualTo(Path.of("/home/alice/.local/state/nodefix/runs"));
        // the XDG spec says relative paths are invalid and must be ignored
        assertThat(RunStore.defaultDir(Map.of("XDG_STATE_HOME", "state"), home))
                .isEqualTo(Path.of("/home/alice/.local/state/nodefix/runs"));
        assertThat(RunStore.defaultDir(Map.of("XDG_STATE_HOME", ""), home))
                .isEqualTo(Path.of("/home/alice/.local/state/nodefix/runs"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"truncated.json", "hosts-not-a-list.json",
            "unknown-host-end.json", "names-another-run.json", "missing-what.json", "inventory-not-a-list.json"})
    void anUnreadableRunJsonIsListedWithItsReasonAndHidesNoOtherRun(String file) throws IOException {
        RunStore store = new RunStore(dir.resolve("runs"));
        store.create(meta("20261125T100000Z-0003", "2026-11-25T10:00:03Z")).close();
        Path bad = store.dir().resolve("20261125T100000Z-0004");
        Files.createDirectories(bad);
        Files.copy(Path.of("src/test/resources/journal/run-json", file), bad.resolve("run.json"));

        StoredRuns all = store.scan();

        assertThat(all.runs()).extracting(RunMeta::id).containsExactly("20261125T100000Z-0003");
        assertThat(all.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.id()).isEqualTo("20261125T100000Z-0004");
            assertThat(u.reason()).startsWith("cannot read " + bad.resolve("run.json"));
        });
        assertThat(store.list()).extracting(RunMeta::id).containsExactly("20261125T100000Z-0003");
        assertThatThrownBy(() -> store.find("20261125T100000Z-0004")).isInstanceOf(JournalException.class);
    }

    @Test
    void howEachHostEndedSurvivesRunJson() {
        RunStore store = new RunStore(dir);
        RunMeta meta = meta("20261125T201503Z-3f9a", "2026-11-25T20:15:03Z");
        store.create(meta).close();
        RunMeta done = meta.finish(new RunMeta.Outcome(Instant.parse("2026-11-25T20:16:00Z"), 1, 0, 1,
                Map.of("node1", HostEnd.CHANGED, "node2", HostEnd.UNREACHABLE, "node3", HostEnd.CONFLICT)));
        store.writeMeta(done);

        assertThat(store.find(meta.id())).contains(done);
    }

    @Test
    void theBatchesARunAppliedInSurviveRunJsonAndOldRunsHaveNone() throws IOException {
        RunStore store = new RunStore(dir);
        RunMeta meta = meta("20261125T201503Z-3f9a", "2026-11-25T20:15:03Z");
        store.create(meta).close();
        RunMeta done = meta.finish(new RunMeta.Outcome(Instant.parse("2026-11-25T20:16:00Z"), 3, 0, 0,
                Map.of("node1", HostEnd.CHANGED), List.of(List.of("srv1"), List.of("agt1"), List.of("agt2", "agt3"))));
        store.writeMeta(done);

        assertThat(store.find(meta.id())).contains(done);
        assertThat(Files.readString(dir.resolve(meta.id()).resolve("run.json"))).contains("\"batches\" : [");
        RunMeta before = meta("20261125T201503Z-3f9b", "2026-11-25T20:15:04Z");
        store.create(before).close();
        store.writeMeta(before.finish(new RunMeta.Outcome(Instant.parse("2026-11-25T20:16:00Z"), 1, 0, 0)));
        assertThat(Files.readString(dir.resolve(before.id()).resolve("run.json"))).doesNotContain("batches");
        assertThat(store.find(before.id()).orElseThrow().finished().orElseThrow().batches()).isEmpty();
    }

    @Test
    void batchesThatAreNotListsOfNamesMakeTheRunUnreadable() throws IOException {
        RunStore store = new RunStore(dir);
        RunMeta meta = meta("20261125T201503Z-3f9a", "2026-11-25T20:15:03Z");
        store.create(meta).close();
        store.writeMeta(meta.finish(new RunMeta.Outcome(Instant.parse("2026-11-25T20:16:00Z"), 1, 0, 0)));
        Path json = dir.resolve(meta.id()).resolve("run.json");
        Files.writeString(json, Files.readString(json).replaceFirst("\\{", "{\"batches\": [\"srv1\", [2]],"));

        assertThatThrownBy(() -> store.find(meta.id())).isInstanceOf(JournalException.class)
                .hasMessageContaining("'batches' is not a list of lists of host names");
    }

    @Test
    void theInventoryARunUsedSurvivesRunJson() throws IOException {
        RunStore store = new RunStore(dir);
        RunMeta meta = meta("20261125T201503Z-3f9a", "2026-11-25T20:15:03Z")
                .with(new InventoryUsed(List.of("/srv/inv/hosts.yaml", "/srv/inv/extra.ini"), Optional.of("web*:!db1")));
        store.create(meta).close();
        RunMeta done = meta.finish(new RunMeta.Outcome(Instant.parse("2026-11-25T20:16:00Z"), 1, 0, 0));
        store.writeMeta(done);

        assertThat(store.find(meta.id())).contains(done);
        assertThat(store.find(meta.id()).orElseThrow().inventory()).map(InventoryUsed::describe)
                .contains("/srv/inv/hosts.yaml, /srv/inv/extra.ini (limit web*:!db1)");
        assertThat(Files.readString(dir.resolve(meta.id()).resolve("run.json")))
                .contains("\"inventory\" : {").contains("\"limit\" : \"web*:!db1\"");
        RunMeta noLimit = meta("20261125T201503Z-3f9b", "2026-11-25T20:15:04Z")
                .with(new InventoryUsed(List.of("/srv/inv/hosts.yaml"), Optional.empty()));
        store.create(noLimit).close();
        assertThat(store.find(noLimit.id())).contains(noLimit);
    }

    @Test
    void aRunJsonWrittenBeforeInventoriesWereKeptStillReads() throws IOException {
        RunStore store = new RunStore(dir);
        Path old = dir.resolve("20261125T100000Z-0004");
        Files.createDirectories(old);
        Files.copy(Path.of("src/test/resources/journal/run-json-compat/before-inventory.json"), old.resolve("run.json"));

        RunMeta meta = store.find("20261125T100000Z-0004").orElseThrow();

        assertThat(meta.inventory()).isEmpty();
        assertThat(meta.hosts()).containsExactly("node1", "node2");
        assertThat(meta.finished().orElseThrow().ends()).containsEntry("node1", HostEnd.CHANGED);
        assertThat(store.scan().unreadable()).isEmpty();
    }

    private static RunMeta meta(String id, String started) {
        return new RunMeta(id, RunKind.APPLY, Optional.empty(), Instant.parse(started), "ethtool iface=flannel.1",
                List.of("node1"), Optional.empty());
    }
}
