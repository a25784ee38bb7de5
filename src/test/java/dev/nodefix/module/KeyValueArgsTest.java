package dev.nodefix.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyValueArgsTest {
    @Test
    void wordsBecomeKeysAndDottedKeysFillMappings() {
        Map<String, Object> args = KeyValueArgs.parse("ethtool",
                "iface=flannel.1 features.tx-checksum-ip-generic=off features.tso=on content='a b\nc'");

        assertThat(args).containsEntry("iface", "flannel.1").containsEntry("content", "a b\nc");
        assertThat(args.get("features")).isEqualTo(Map.of("tx-checksum-ip-generic", "off", "tso", "on"));
    }

    @Test
    void valuesKeepEqualsSignsAfterTheFirst() {
        assertThat(KeyValueArgs.parse("yaml_key", "value=nodefix=it")).containsEntry("value", "nodefix=it");
    }

    @Test
    void badWordsAreArgErrors() {
        assertThatThrownBy(() -> KeyValueArgs.parse("file", "path=/x oops")).isInstanceOf(ArgException.class)
                .hasMessageContaining("expected key=value, got 'oops'");
        assertThatThrownBy(() -> KeyValueArgs.parse("file", "path=/x path=/y")).isInstanceOf(ArgException.class)
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> KeyValueArgs.parse("ethtool", "features=x features.a=on")).isInstanceOf(ArgException.class)
                .hasMessageContaining("both as a value and as a mapping");
        assertThatThrownBy(() -> KeyValueArgs.parse("file", "content='unbalanced")).isInstanceOf(ArgException.class);
    }
}
