package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one name of a fact outside Java: snake_case, for {@code facts --json} and playbook expressions alike. */
class FactKeysTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"osRelease, os_release", "k3sIptables, k3s_iptables", "iptablesKubePostrouting, iptables_kube_postrouting",
            "stall63, stall63", "kept-off, kept_off", "elapsed_ms, elapsed_ms", "nodeIP, node_ip", "HTTPServer, http_server",
            "vxlan, vxlan", "inCsumErrors, in_csum_errors"})
    void namesAreSnakeCase(String name, String key) {
        assertThat(FactKeys.snake(name)).isEqualTo(key);
    }

    record Inner(boolean onLink, Map<String, Integer> byIfName) {}

    record Outer(Inner peerRoutes, Optional<String> subnetEnv, List<Inner> allPeers) {}

    @Test
    void plainDataRenamesRecordComponentsButNotMapKeys() {
        Inner inner = new Inner(true, Map.of("flannel.1", 1, "cni0", 2));
        Object plain = new PlainData(FactKeys::snake).plain(new Outer(inner, Optional.empty(), List.of(inner)));
        Map<String, Object> peer = Map.of("on_link", true, "by_if_name", Map.of("cni0", 2L, "flannel.1", 1L));
        java.util.HashMap<String, Object> expected = new java.util.HashMap<>();
        expected.put("peer_routes", peer);
        expected.put("subnet_env", null);
        expected.put("all_peers", List.of(peer));
        assertThat(plain).isEqualTo(expected);
    }
}
