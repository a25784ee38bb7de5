package dev.nodefix.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The rollback's journal cross-checks, one case per directory under {@code journal/evidence/}: {@code controller.jsonl}
 * (this machine's journal, if any), {@code nodes/HOST.journal} (a node's journal as read), {@code nodes/HOST.missing}
 * (no journal there) or {@code nodes/HOST.unreachable}, and {@code case.yaml}: {@code primary}, {@code trust},
 * {@code expected_hosts}, {@code running} ({@code {HOST: {SEQ: PID}}}), and {@code expect}: {@code refused}
 * (substrings of the refusal, each finding named), or {@code recorded} ({@code HOST: ["SEQ STATUS SCRIPT"]}) with
 * optional {@code trusted} and {@code notes} substrings.
 */
class RollbackEvidenceCasesTest {
    private static final String RUN = "20261125T201503Z-aaaa";

    static Stream<Path> cases() throws IOException {
        Path root = Path.of("src/test/resources/journal/evidence");
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesAsTheCaseSays(Path dir) throws IOException {
        Map<?, ?> doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(dir.resolve("case.yaml")))
                instanceof Map<?, ?> m ? m : Map.of();
        Optional<JournalText> controller = Files.exists(dir.resolve("controller.jsonl"))
                ? Optional.of(JournalText.parse("journal.jsonl", Files.readString(dir.resolve("controller.jsonl"))))
                : Optional.empty();
        Set<String> expected = new TreeSet<>();
        list(doc.get("expected_hosts")).forEach(h -> expected.add(String.valueOf(h)));
        Map<String, NodeRead> nodes = nodes(dir.resolve("nodes"), map(doc.get("running")));
        TrustedJournal primary = trusted(doc.get("primary")).orElse(TrustedJournal.CONTROLLER);
        Optional<TrustedJournal> trust = trusted(doc.get("trust"));
        Map<?, ?> expect = map(doc.get("expect"));

        if (expect.containsKey("refused")) {
            assertThatThrownBy(() -> RollbackEvidence.decide(RUN, controller, expected, nodes, primary, trust))
                    .isInstanceOf(JournalException.class)
                    .satisfies(e -> list(expect.get("refused")).forEach(s -> assertThat(e.getMessage()).contains(String.valueOf(s))))
                    .hasMessageContaining("--force=controller").hasMessageContaining("--force=nodes");
            return;
        }
        RollbackEvidence.Decision d = RollbackEvidence.decide(RUN, controller, expected, nodes, primary, trust);
        Map<String, List<String>> actual = new LinkedHashMap<>();
        d.recorded().forEach((host, recs) -> actual.put(host, recs.stream().map(r -> r.seq() + " " + r.status().label() + " "
                + ((dev.nodefix.change.CommandChange) r.change()).script()).toList()));
        Map<String, List<String>> want = new LinkedHashMap<>();
        map(expect.get("recorded")).forEach((h, l) -> want.put(String.valueOf(h), list(l).stream().map(String::valueOf).toList()));
        assertThat(actual).isEqualTo(want);
        list(expect.get("trusted")).forEach(s -> assertThat(String.join("\n", d.trusted())).contains(String.valueOf(s)));
        if (!expect.containsKey("trusted")) {
            assertThat(d.trusted()).isEmpty();
        }
        list(expect.get("notes")).forEach(s -> assertThat(String.join("\n", d.notes())).contains(String.valueOf(s)));
    }

    private static Map<String, NodeRead> nodes(Path dir, Map<?, ?> running) throws IOException {
        Map<String, NodeRead> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                String host = name.substring(0, name.lastIndexOf('.'));
                String text = Files.readString(f);
                Map<Integer, Long> pids = new LinkedHashMap<>();
                map(running.get(host)).forEach((seq, pid) -> pids.put(((Number) seq).intValue(), ((Number) pid).longValue()));
                out.put(host, switch (name.substring(name.lastIndexOf('.') + 1)) {
                    case "journal" -> new NodeRead.Journal(JournalText.parse(host + ":" + NodeJournal.journalPath(RUN), text), pids);
                    case "missing" -> new NodeRead.Missing();
                    case "unreachable" -> new NodeRead.Unreachable(text.strip());
                    default -> throw new UncheckedIOException(new IOException("unknown node file " + f));
                });
            }
        }
        return out;
    }

    private static Optional<TrustedJournal> trusted(Object o) {
        return Optional.ofNullable(o).map(v -> TrustedJournal.valueOf(String.valueOf(v).toUpperCase(Locale.ROOT)));
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : new ArrayList<>();
    }
}
