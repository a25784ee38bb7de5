package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code fact/backend-support/cases.txt}: flannel-backend values against k3s versions, each row with its source. */
class BackendSupportTest {
    record Case(String value, String version, String verdict, String source) {
        @Override
        public String toString() {
            return value + " on " + version + " -> " + verdict;
        }
    }

    static Stream<Case> cases() throws IOException {
        try (var in = BackendSupportTest.class.getResourceAsStream("/fact/backend-support/cases.txt")) {
            List<Case> cases = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(" \\| ", -1))
                    .map(p -> new Case(p[0].strip(), p[1].strip(), p[2].strip(), p[3].strip())).toList();
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theReleaseTakesOrRefusesTheValueAsK3sDoes(Case c) {
        Optional<K3sRelease> release = c.version().equals("-") ? Optional.empty()
                : K3sRelease.of(K3sVersion.FACT.parse(Section.ran("k3s-version", 0, List.of(c.version()))));
        assertThat(c.version().equals("-") || release.isPresent()).as("version parses: " + c.version()).isTrue();

        BackendSupport support = BackendSupport.check(c.value(), release);

        assertThat(support.verdict().name().toLowerCase(Locale.ROOT)).as(c + " (" + c.source() + "): "
                + support.reason()).isEqualTo(c.verdict());
        assertThat(support.reason().isEmpty()).as(c + ": a reason unless accepted").isEqualTo(
                c.verdict().equals("accepted"));
        assertThat(c.source()).isNotBlank();
    }
}
