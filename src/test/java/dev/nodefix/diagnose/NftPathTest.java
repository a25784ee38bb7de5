package dev.nodefix.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.K3sReleases;
import dev.nodefix.fact.NodeFacts;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every {@code src/test/resources/diagnose/nft-path/*.yaml}: a captured node with sections replaced (as in
 * {@link DiagnoseCase}) in; the {@link NftPath} kind, its settling command, the {@link MarkRendering} skew and the
 * codes of the nftables and version rules out, and the NAT path combined from the iptables and nftables readings.
 */
class NftPathTest {
    private static final K3sReleases RELEASES = K3sReleases.load();
    private static final List<Rule> RULES = List.of(new NftPathRule(), new MarkRenderingRule(),
            new FlannelMasqEmptyRule(RELEASES), new VersionHintRule(RELEASES));

    record Case(String name, NodeFacts facts, Map<?, ?> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(NftPathTest.class.getResource("/diagnose/nft-path").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(NftPathTest::load).toList().stream();
        }
    }

    private static Case load(Path file) {
        try {
            Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            String raw = DiagnoseCase.captured(String.valueOf(doc.get("captured")));
            if (doc.get("sections") instanceof Map<?, ?> sections) {
                for (Map.Entry<?, ?> e : sections.entrySet()) {
                    raw = DiagnoseCase.withSection(raw, String.valueOf(e.getKey()), e.getValue());
                }
            }
            return new Case(file.getFileName().toString(), NodeFacts.parse(raw), (Map<?, ?>) doc.get("expected"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsAsExpected(Case c) {
        NftPath path = NftPath.of(c.facts());
        assertThat(path.kind().name().toLowerCase(java.util.Locale.ROOT)).as(c + " " + path).isEqualTo(c.expected().get("kind"));
        assertThat(path.settle().orElse(null)).as(c + " settle").isEqualTo(c.expected().get("settle"));
        if (c.expected().get("reason") instanceof String words) {
            assertThat(path.reason()).as(c + " reason").contains(words);
        }
        if (c.expected().get("combined") instanceof String combined) {
            NatPath merged = CombinedNatPath.of(c.facts(), NatPath.of(c.facts()));
            assertThat(merged.kind().name().toLowerCase(java.util.Locale.ROOT)).as(c + " combined " + merged)
                    .isEqualTo(combined);
        }
        Object skew = c.expected().containsKey("markSkew") ? c.expected().get("markSkew") : "no";
        assertThat(MarkRendering.of(c.facts()).skew().name().toLowerCase(java.util.Locale.ROOT)).as(c + " skew")
                .isEqualTo(skew);
        List<String> codes = new ArrayList<>();
        RULES.forEach(r -> r.check(c.facts()).forEach(f -> codes.add(f.code().name())));
        assertThat(codes).as(c + " codes").isEqualTo(c.expected().containsKey("codes") ? c.expected().get("codes")
                : List.of());
    }
}
