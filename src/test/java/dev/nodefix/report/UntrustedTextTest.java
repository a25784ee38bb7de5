package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Every case of {@code report/untrusted-text.yaml}: host names and node output with their special characters escaped. */
class UntrustedTextTest {
    @SuppressWarnings("unchecked")
    static Stream<Map<String, String>> cases() throws IOException {
        try (InputStream in = UntrustedTextTest.class.getResourceAsStream("/report/untrusted-text.yaml")) {
            return ((List<Map<String, String>>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8))).stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void showsSpecialCharactersAsEscapes(Map<String, String> c) {
        String shown = c.get("kind").equals("name") ? UntrustedText.name(c.get("text")) : UntrustedText.output(c.get("text"));

        assertThat(shown).isEqualTo(c.get("shown"));
        assertThat(shown).doesNotContain("\u001b", "\r", "\u202e", "\u0007");
    }
}
