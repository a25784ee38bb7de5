package dev.nodefix.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Every case of {@code inventory/yaml-limits.yaml}: YAML just within and just over each limit of {@link YamlLimits}. */
class YamlLimitsTest {
    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> cases() throws IOException {
        try (InputStream in = YamlLimitsTest.class.getResourceAsStream("/inventory/yaml-limits.yaml")) {
            return ((List<Map<String, Object>>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8))).stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesOnlyWhatIsOverALimit(Map<String, Object> c) {
        String text = text(c);
        Object refused = c.get("refused");
        if (refused == null) {
            assertThat(YamlLimits.compose(text, YamlLimits.settings("t.yaml").build())).isPresent();
        } else {
            assertThatThrownBy(() -> YamlLimits.compose(text, YamlLimits.settings("t.yaml").build()))
                    .isInstanceOf(InputException.class).hasMessageStartingWith("t.yaml:")
                    .hasMessageContaining(refused.toString());
        }
    }

    private static String text(Map<String, Object> c) {
        int depth = ((Number) c.get("depth")).intValue();
        StringBuilder s = new StringBuilder(c.getOrDefault("head", "x: ").toString());
        s.append(c.get("open").toString().repeat(depth)).append(c.getOrDefault("middle", ""))
                .append(c.get("close").toString().repeat(depth));
        int chain = ((Number) c.getOrDefault("chain", 0)).intValue();
        for (int i = 1; i <= chain; i++) {
            s.append("\nc").append(i).append(": &c").append(i).append(" [*c").append(i - 1).append(']');
        }
        int laughs = ((Number) c.getOrDefault("laughs", 0)).intValue();
        if (laughs > 0) {
            s.append("a0: &a0 [x, x, x, x, x, x, x, x, x]");
            for (int i = 1; i <= laughs; i++) {
                s.append("\na").append(i).append(": &a").append(i).append(" [")
                        .append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append(']');
            }
        }
        return s.append('\n').toString();
    }
}
