package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules every {@code --json} document shares: snake_case keys from Java names, {@code schema_version} first, nulls written. */
class JsonDocumentTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"osRelease, os_release", "k3sIptables, k3s_iptables", "iptablesKubePostrouting, iptables_kube_postrouting",
            "stall63, stall63", "kept-off, kept_off", "elapsed_ms, elapsed_ms", "nodeIP, node_ip", "HTTPServer, http_server",
            "vxlan, vxlan"})
    void keysAreSnakeCase(String name, String key) {
        assertThat(JsonDocument.key(name)).isEqualTo(key);
    }

    @Test
    void aDocumentStartsWithItsVersionAndKeepsNulls() throws Exception {
        Map<String, Object> root = JsonDocument.root();
        root.put("run", null);
        Map<String, Object> back = JSON.std.mapFrom(JsonDocument.write(root));
        assertThat(List.copyOf(back.keySet())).containsExactly("schema_version", "run");
        assertThat(back.get("schema_version")).isEqualTo(JsonDocument.SCHEMA_VERSION);
    }
}
