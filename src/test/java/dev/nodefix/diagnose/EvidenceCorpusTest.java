package dev.nodefix.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The corpus of real outputs under {@code src/test/resources/diagnose/corpus}: each {@code <form>/<name>.txt} is text
 * copied from a public report, described by {@code <name>.yaml} (source URL, form, the facts a careful reader draws,
 * notes); each {@code cases/<name>/} holds the pieces of one report and a {@code case.yaml} with the maintainers'
 * verdict. This test checks the corpus is well-formed; it does not run the diagnosis.
 */
class EvidenceCorpusTest {
    static final Set<String> FORMS = Set.of("ethtool-features", "ethtool-driver", "ip-link", "subnet-env", "net-conf",
            "nft-ruleset", "kernel-log", "tcpdump", "syn-timing", "udp-snmp", "k3s-journal", "k3s-version",
            "kubectl-version", "kubectl-get-nodes", "uname", "iptables-version", "node-annotations", "k3s-unit",
            "kube-proxy-log", "iptables-save", "iptables-list");
    static final Set<String> VERDICTS = Set.of("affected", "at-risk", "not-affected", "unknown");
    static final String CASES = "cases";

    /** One {@code .txt} piece with the parsed {@code .yaml} beside it (empty map when the yaml is missing). */
    record Piece(Path txt, Map<?, ?> meta) {
        @Override
        public String toString() {
            return root().relativize(txt).toString();
        }

        Path yaml() {
            return txt.resolveSibling(txt.getFileName().toString().replaceFirst("\\.txt$", ".yaml"));
        }

        boolean inCase() {
            return root().relativize(txt).getName(0).toString().equals(CASES);
        }
    }

    static Path root() {
        try {
            return Path.of(EvidenceCorpusTest.class.getResource("/diagnose/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<?, ?> yaml(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            return doc instanceof Map<?, ?> m ? m : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Piece> pieces() throws IOException {
        try (Stream<Path> files = Files.walk(root())) {
            List<Path> txts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            return txts.stream().map(t -> new Piece(t, yaml(t.resolveSibling(t.getFileName().toString()
                    .replaceFirst("\\.txt$", ".yaml")))));
        }
    }

    static Stream<Path> caseDirs() throws IOException {
        try (Stream<Path> dirs = Files.list(root().resolve(CASES))) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    static boolean isWebUrl(Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(s.trim());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pieces")
    void pieceIsDescribed(Piece p) throws IOException {
        assertThat(p.yaml()).as("yaml beside " + p).isRegularFile();
        assertThat(Files.readString(p.txt(), StandardCharsets.UTF_8)).as("text of " + p).isNotBlank();
        assertThat(isWebUrl(p.meta().get("source"))).as("http(s) source of " + p + ": " + p.meta().get("source")).isTrue();
        assertThat(p.meta().get("where")).as("where in the source " + p).isInstanceOf(String.class);
        assertThat(FORMS).as("form of " + p).contains(String.valueOf(p.meta().get("form")));
        if (!p.inCase()) {
            assertThat(p.txt().getParent().getFileName().toString()).as("directory of " + p).isEqualTo(p.meta().get("form"));
        }
        assertThat(p.meta().get("facts")).as("facts of " + p).isInstanceOf(Map.class);
        Map<?, ?> facts = (Map<?, ?>) p.meta().get("facts");
        assertThat(facts).as("facts of " + p).isNotEmpty();
        facts.forEach((k, v) -> assertThat(v == null ? "" : String.valueOf(v)).as(p + " fact " + k).isNotBlank());
        assertThat(String.valueOf(p.meta().get("notes"))).as("notes of " + p).isNotBlank();
    }

    @Test
    void everyYamlHasItsText() throws IOException {
        try (Stream<Path> files = Files.walk(root())) {
            List<Path> orphans = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("case.yaml"))
                    .filter(p -> !Files.isRegularFile(p.resolveSibling(p.getFileName().toString().replaceFirst("\\.yaml$", ".txt"))))
                    .toList();
            assertThat(orphans).isEmpty();
        }
    }

    @Test
    void topLevelDirectoriesAreFormsOrCases() throws IOException {
        try (Stream<Path> dirs = Files.list(root())) {
            dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .forEach(name -> assertThat(FORMS.contains(name) || name.equals(CASES)).as(name).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseDirs")
    void caseIsWholeAndJudged(Path dir) throws IOException {
        Map<?, ?> c = yaml(dir.resolve("case.yaml"));
        assertThat(c).as("case.yaml in " + dir.getFileName()).isNotEmpty();
        assertThat(VERDICTS).as("verdict of " + dir.getFileName()).contains(String.valueOf(c.get("verdict")));
        assertThat(isWebUrl(c.get("source"))).as("source of " + dir.getFileName()).isTrue();
        assertThat(String.valueOf(c.get("why"))).as("why of " + dir.getFileName()).isNotBlank();
        assertThat(c.get("pieces")).as("pieces of " + dir.getFileName()).isInstanceOf(List.class);
        List<String> listed = ((List<?>) c.get("pieces")).stream().map(String::valueOf).toList();
        assertThat(listed).isNotEmpty();
        listed.forEach(name -> assertThat(dir.resolve(name + ".txt")).as("piece " + name).isRegularFile());
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.replaceFirst("\\.txt$", "")).collect(Collectors.toSet());
            assertThat(present).as("every piece in " + dir.getFileName() + " is listed").containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    @Test
    void corpusIsLargeAndVaried() throws IOException {
        List<Piece> all = pieces().toList();
        List<Piece> nonIptables = all.stream().filter(p -> !String.valueOf(p.meta().get("form")).startsWith("iptables-")
                || p.meta().get("form").equals("iptables-version")).toList();
        Set<String> sources = all.stream().map(p -> String.valueOf(p.meta().get("source")).trim()).collect(Collectors.toSet());
        assertThat(nonIptables).hasSizeGreaterThanOrEqualTo(45);
        assertThat(sources).hasSizeGreaterThanOrEqualTo(10);
        assertThat(caseDirs().toList()).hasSizeGreaterThanOrEqualTo(4);
    }
}
