package dev.nodefix.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.NodeName;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the health gate reads from {@code k3s kubectl get nodes}: every case of {@code play/node-statuses.yaml}
 * (each node's STATUS) and of {@code play/node-readiness.yaml} (the batch's nodes, looked up by their Kubernetes
 * names, are Ready, worth waiting for, or missing at once). The gate stopping a run is a case of
 * {@link PlaybookRunCasesTest}.
 */
class NodeReadinessTest {
    record StatusCase(String name, String table, Map<String, String> expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    record ReadinessCase(String name, List<NodeReadiness.Wanted> nodes, String table, NodeReadiness expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<StatusCase> statusCases() throws URISyntaxException {
        return PlayCaseList.load(resource("/executor/node-statuses.yaml")).stream().map(c -> {
            Map<String, String> expect = new LinkedHashMap<>();
            PlayCase.map(c.get("expect")).forEach((k, v) -> expect.put(k, String.valueOf(v)));
            return new StatusCase(String.valueOf(c.get("name")), String.valueOf(c.get("table")), expect);
        });
    }

    static Stream<ReadinessCase> readinessCases() throws URISyntaxException {
        return PlayCaseList.load(resource("/executor/node-readiness.yaml")).stream().map(c -> new ReadinessCase(
                String.valueOf(c.get("name")), ((List<?>) c.get("nodes")).stream().map(NodeReadinessTest::wanted)
                .toList(), String.valueOf(c.get("table")), expected(PlayCase.map(c.get("expect")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusCases")
    void readsEachNodesStatus(StatusCase c) {
        assertThat(NodeReadiness.statuses(c.table())).as(c.name()).isEqualTo(c.expect());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readinessCases")
    void judgesTheBatchByKubernetesNames(ReadinessCase c) {
        assertThat(NodeReadiness.of(c.nodes(), c.table())).as(c.name()).isEqualTo(c.expect());
    }

    /** {@code {host: H, name: N, source: S}}; no {@code name} when the node told none. */
    private static NodeReadiness.Wanted wanted(Object spec) {
        Map<String, Object> m = PlayCase.map(spec);
        return new NodeReadiness.Wanted(String.valueOf(m.get("host")), new NodeName(
                Optional.ofNullable(m.get("name")).map(String::valueOf), String.valueOf(m.get("source"))));
    }

    /** {@code {ready: true}}, {@code {waiting: WHY}} or {@code {missing: WHY}}. */
    private static NodeReadiness expected(Map<String, Object> m) {
        if (m.containsKey("waiting")) {
            return new NodeReadiness.Waiting(String.valueOf(m.get("waiting")));
        }
        return m.containsKey("missing") ? new NodeReadiness.Missing(String.valueOf(m.get("missing")))
                : new NodeReadiness.Ready();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(NodeReadinessTest.class.getResource(name).toURI());
    }
}
