package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.fact.FactKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules every {@code --json} document shares: snake_case keys from Java names, {@code schema_version} first, nulls written. */
class JsonDocumentTest {
    @Test
    void keysAreTheFactsSnakeCase() {
        assertThat(JsonDocument.key("iptablesKubePostrouting")).isEqualTo(FactKeys.snake("iptablesKubePostrouting"))
                .isEqualTo("iptables_kube_postrouting");
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
