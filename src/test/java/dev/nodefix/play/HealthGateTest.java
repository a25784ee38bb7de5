package dev.nodefix.play;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code play/node-statuses.yaml}: what the health gate reads from {@code k3s kubectl get nodes}.
 * (The gate itself stopping a run is a case of {@link PlaybookRunCasesTest}.)
 */
class HealthGateTest {
    record Case(String name, String table, Map<String, String> expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws URISyntaxException {
        Path file = Path.of(HealthGateTest.class.getResource("/play/node-statuses.yaml").toURI());
        return PlayCaseList.load(file).stream().map(c -> {
            Map<String, String> expect = new LinkedHashMap<>();
            PlayCase.map(c.get("expect")).forEach((k, v) -> expect.put(k, String.valueOf(v)));
            return new Case(String.valueOf(c.get("name")), String.valueOf(c.get("table")), expect);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsEachNodesStatus(Case c) {
        assertThat(HealthGate.statuses(c.table())).as(c.name()).isEqualTo(c.expect());
    }
}
