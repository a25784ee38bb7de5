package dev.nodefix.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code runs --from-nodes}' model, one case per directory under {@code journal/found-runs/}: {@code nodes/HOST.list}
 * (what {@link NodeJournal#list()} printed on the node, parsed as the CLI parses it), {@code nodes/HOST.stderr} (its
 * {@code inflight} lines), {@code nodes/HOST.unreachable} or {@code nodes/HOST.unreadable} (why), and {@code case.yaml}:
 * {@code in_store} (run ids this machine has) and {@code expect}: {@code runs} ({@code RUN: {kind, rollback_of,
 * hosts: {HOST: state}, open, in_store, problems}}, every run found, each key optional but hosts), {@code order},
 * {@code read}, {@code cannot_tell} ({@code HOST: text}) and {@code last_open} (a run id or null).
 */
class FoundRunsCasesTest {
    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/journal/found-runs"))) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsTheRunsAsTheCaseSays(Path dir) throws IOException {
        Map<?, ?> doc = map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(dir.resolve("case.yaml"))));
        Set<String> inStore = new TreeSet<>();
        list(doc.get("in_store")).forEach(r -> inStore.add(String.valueOf(r)));
        Map<?, ?> expect = map(doc.get("expect"));

        FoundRuns found = FoundRuns.of(nodes(dir.resolve("nodes")), inStore);

        Map<String, Object> actual = new LinkedHashMap<>();
        found.runs().forEach(r -> actual.put(r.id(), r));
        assertThat(actual.keySet()).as("runs found").containsExactlyInAnyOrderElementsOf(
                map(expect.get("runs")).keySet().stream().map(String::valueOf).toList());
        map(expect.get("runs")).forEach((id, want) -> {
            FoundRuns.FoundRun r = (FoundRuns.FoundRun) actual.get(String.valueOf(id));
            Map<?, ?> w = map(want);
            Map<String, String> hosts = new LinkedHashMap<>();
            r.hosts().forEach((h, s) -> hosts.put(h, s.key()));
            Map<String, String> wantHosts = new LinkedHashMap<>();
            map(w.get("hosts")).forEach((h, s) -> wantHosts.put(String.valueOf(h), String.valueOf(s)));
            assertThat(hosts).as(id + " hosts").containsExactlyEntriesOf(wantHosts);
            if (w.containsKey("kind")) {
                assertThat(r.kind().label()).as(id + " kind").isEqualTo(w.get("kind"));
            }
            if (w.containsKey("rollback_of")) {
                assertThat(r.rollbackOf()).as(id + " rollback_of").contains(String.valueOf(w.get("rollback_of")));
            }
            if (w.containsKey("open")) {
                assertThat(r.open()).as(id + " open").isEqualTo(w.get("open"));
            }
            if (w.containsKey("in_store")) {
                assertThat(r.inStore()).as(id + " in_store").isEqualTo(w.get("in_store"));
            }
            List<?> problems = list(w.get("problems"));
            assertThat(r.problems()).as(id + " problems").hasSameSizeAs(problems);
            problems.forEach(p -> assertThat(String.join("\n", r.problems())).contains(String.valueOf(p)));
        });
        if (expect.containsKey("order")) {
            assertThat(found.runs()).extracting(FoundRuns.FoundRun::id)
                    .containsExactlyElementsOf(list(expect.get("order")).stream().map(String::valueOf).toList());
        }
        if (expect.containsKey("read")) {
            assertThat(found.read()).containsExactlyElementsOf(list(expect.get("read")).stream().map(String::valueOf).toList());
        }
        Map<String, String> cannotTell = new LinkedHashMap<>();
        map(expect.get("cannot_tell")).forEach((h, why) -> cannotTell.put(String.valueOf(h), String.valueOf(why)));
        assertThat(found.cannotTell()).containsExactlyEntriesOf(cannotTell);
        Object last = expect.get("last_open");
        assertThat(found.lastOpen().map(FoundRuns.FoundRun::id).orElse(null)).as("last_open")
                .isEqualTo(last == null ? null : String.valueOf(last));
    }

    private static Map<String, NodeHistory> nodes(Path dir) throws IOException {
        Map<String, NodeHistory> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                String host = name.substring(0, name.lastIndexOf('.'));
                String text = Files.readString(f);
                switch (name.substring(name.lastIndexOf('.') + 1)) {
                    case "list" -> {
                        Path stderr = dir.resolve(host + ".stderr");
                        out.put(host, NodeHistory.of(host, 0, text, Files.exists(stderr) ? Files.readString(stderr) : ""));
                    }
                    case "unreachable" -> out.put(host, new NodeHistory.Unreachable(text.strip()));
                    case "unreadable" -> out.put(host, new NodeHistory.Unreadable(text.strip()));
                    case "stderr" -> { }
                    default -> throw new IOException("unknown node file " + f);
                }
            }
        }
        return out;
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : new ArrayList<>();
    }
}
