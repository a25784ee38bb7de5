package dev.nodefix.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code src/test/resources/diagnose/*.yaml}: facts in, verdicts, remediation and finding codes out. */
class DiagnoseCasesTest {
    static Stream<DiagnoseCase> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(DiagnoseCasesTest.class.getResource("/diagnose").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(DiagnoseCase::load).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void diagnosesAsExpected(DiagnoseCase c) {
        Diagnosis d = Diagnoser.standard(new RemediationPolicy(c.keepOffload())).diagnose(c.hosts());

        String dump = d.toString();
        if (c.expected().get("verdict") != null) {
            assertThat(d.verdict().label()).as(dump).isEqualTo(c.expected().get("verdict"));
        }
        if (c.expected().get("remediation") != null) {
            assertThat(d.remediation().action()).as(dump).isEqualTo(c.expected().get("remediation"));
        }
        Map<?, ?> hosts = (Map<?, ?>) c.expected().get("hosts");
        for (HostDiagnosis h : d.hosts()) {
            Map<?, ?> want = (Map<?, ?>) hosts.get(h.host());
            assertThat(want).as("expected entry for " + h.host()).isNotNull();
            assertThat(h.verdict().label()).as(h.host() + ": " + h).isEqualTo(want.get("verdict"));
            List<String> codes = h.findings().stream().map(f -> f.code().name()).toList();
            assertThat(codes).as(h.host() + ": " + h).containsExactlyInAnyOrderElementsOf(((List<?>) want.get("codes")).stream().map(String::valueOf).toList());
            h.findings().stream().filter(f -> f.code().decides().isPresent() && f.code() != Code.UNREACHABLE)
                    .forEach(f -> assertThat(f.evidence()).as(f.toString()).isNotEmpty());
            if (want.get("legs") instanceof Map<?, ?> legs) {
                Map<String, String> got = new java.util.LinkedHashMap<>();
                h.legs().orElseThrow().all().forEach(l -> got.put(l.name().label(), l.valueLabel()));
                legs.forEach((leg, value) -> assertThat(got.get(String.valueOf(leg))).as(h.host() + " leg " + leg + ": "
                        + h.legs()).isEqualTo(String.valueOf(value)));
            }
            if (want.get("settle") instanceof List<?> settle) {
                assertThat(h.findings().stream().flatMap(f -> f.settle().stream()).toList()).as(h.host() + ": " + h)
                        .containsExactlyElementsOf(settle.stream().map(String::valueOf).toList());
            }
        }
    }
}
