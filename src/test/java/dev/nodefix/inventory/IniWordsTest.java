package dev.nodefix.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link IniWords#split} against {@code inventory/ini-words/cases.json}: each INI host line with the words
 * (or the error) Python's {@code shlex.split(line, comments=True)} gives, as Ansible's INI plugin splits
 * it; produced by running /usr/bin/python3 on every line.
 */
class IniWordsTest {
    static Stream<Map<String, Object>> cases() throws IOException {
        try (InputStream in = IniWordsTest.class.getResourceAsStream("/inventory/ini-words/cases.json")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cases = (List<Map<String, Object>>) (List<?>) JSON.std.listFrom(in);
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splitsAsShlexDoes(Map<String, Object> c) {
        String line = (String) c.get("line");
        if (c.containsKey("error")) {
            IniWords.BadLine e = catchThrowableOfType(IniWords.BadLine.class, () -> IniWords.split(line));
            assertThat(e).as("split(%s)", line).isNotNull();
            assertThat(e.getMessage()).isEqualTo(c.get("error"));
            return;
        }
        assertThat(IniWords.split(line).stream().map(IniWords.Word::text).toList()).as("split(%s)", line)
                .isEqualTo(c.get("words"));
    }
}
