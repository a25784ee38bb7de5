package dev.nodefix.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.CollectorScript;
import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The cases of {@code query/collector-answers.yaml}: a read ahead ({@link StateReader#commandAhead},
 * {@link StateReader#parseAhead}) run for real by /bin/sh with a stand-in collector that prints the case's sections.
 */
class CollectorAnswersTest {
    record Case(String name, Map<String, Object> doc) {
        @Override
        public String toString() {
            return name;
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Case> cases() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/query/collector-answers.yaml"));
        List<Map<String, Object>> docs = (List<Map<String, Object>>) new Load(LoadSettings.builder().build())
                .loadFromString(text);
        return docs.stream().map(d -> new Case((String) d.get("name"), d));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void readAhead(Case c) {
        List<Query> queries = new ArrayList<>();
        Object collector = c.doc().get("collector");
        if (!"none".equals(collector)) {
            queries.add(new FactsQuery(new CollectorScript(standIn((Map<String, Object>) collector))));
        }
        Map<String, String> expected = (Map<String, String>) c.doc().get("queries");
        expected.keySet().forEach(q -> queries.add(query(q)));

        Command command = StateReader.commandAhead(queries);
        String script = command.argv().get(2);
        CommandResult result = LocalShell.run(command);
        Map<Query, Object> values = StateReader.parseAhead(queries, result);

        expected.forEach((name, how) -> {
            Query q = query(name);
            String own = q.script();
            switch (how) {
                case "answered" -> {
                    assertThat(script).as(name + ": its own command is not run").doesNotContain(own);
                    assertThat(values).as(name).containsKey(q);
                    Map<String, Object> section = (Map<String, Object>) ((Map<String, Object>) collector)
                            .get(q.collectorSection().orElseThrow());
                    assertThat(values.get(q)).as(name + ": as its own command printing the same")
                            .isEqualTo(q.parse((String) section.get("output"), (Integer) section.get("rc")));
                }
                case "left out" -> {
                    assertThat(script).as(name + ": its own command is not run").doesNotContain(own);
                    assertThat(values).as(name + ": not read, so a task that needs it reads it").doesNotContainKey(q);
                }
                case "runs" -> {
                    assertThat(script).as(name).contains(own);
                    assertThat(values).as(name).containsKey(q);
                    assertThat(values.get(q)).as(name).isNotInstanceOf(FailedRead.class);
                }
                default -> throw new IllegalArgumentException("unknown expectation " + how);
            }
        });
        Map<String, Object> offload = (Map<String, Object>) c.doc().get("offload");
        if (offload != null) {
            OffloadState state = (OffloadState) values.get(new Query.Offload("flannel.1"));
            assertThat(state.present()).isEqualTo(offload.get("present"));
            Map<String, Boolean> features = (Map<String, Boolean>) offload.getOrDefault("features", Map.of());
            features.forEach((f, on) -> assertThat(state.feature(f)).as(f).map(EthtoolFeatures.Feature::on).contains(on));
        }
        assertThat(values.keySet()).as("the facts are read too")
                .hasSameElementsAs(queries.stream().filter(q -> !"left out".equals(expected.get(name(q)))).toList());
    }

    private static Query query(String name) {
        String[] w = name.split(" ", 2);
        return switch (w[0]) {
            case "offload" -> new Query.Offload(w[1]);
            case "file" -> new Query.File(w[1]);
            default -> throw new IllegalArgumentException("unknown query " + name);
        };
    }

    private static String name(Query q) {
        return q instanceof Query.Offload o ? "offload " + o.iface() : q instanceof Query.File f ? "file " + f.path() : "";
    }

    /** A collector that prints these sections, framed as the shipped one frames them. */
    @SuppressWarnings("unchecked")
    private static String standIn(Map<String, Object> sections) {
        StringBuilder sh = new StringBuilder();
        sections.forEach((name, s) -> {
            if ("absent".equals(s)) {
                sh.append("printf '@@nodefix:section %s@@\\n\\n@@nodefix:end %s absent@@\\n' ").append(name).append(' ')
                        .append(name).append('\n');
            } else {
                Map<String, Object> ran = (Map<String, Object>) s;
                sh.append("printf '@@nodefix:section %s@@\\n%s\\n@@nodefix:end %s rc=%s@@\\n' ").append(name).append(' ')
                        .append(Command.quote((String) ran.get("output"))).append(' ').append(name).append(' ')
                        .append(ran.get("rc")).append('\n');
            }
        });
        return sh.toString();
    }
}
