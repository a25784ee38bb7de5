package dev.nodefix.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PythonLiteral#typed} against {@code inventory/python-literal/cases.json}: each input with the value
 * Python 3.11's {@code ast.literal_eval} gives it (the text itself where it raises), as Ansible's INI plugin
 * types a value; produced by running /usr/bin/python3 on every input.
 */
class PythonLiteralTest {
    static Stream<Map<String, Object>> cases() throws IOException {
        try (InputStream in = PythonLiteralTest.class.getResourceAsStream("/inventory/python-literal/cases.json")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cases = (List<Map<String, Object>>) (List<?>) JSON.std.listFrom(in);
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void typesAsPythonLiteralEvalDoes(Map<String, Object> c) throws IOException {
        Object actual = PythonLiteral.typed((String) c.get("input"));
        String expected = JSON.std.asString(c.get("expected"));
        assertThat(JSON.std.anyFrom(JSON.std.asString(actual))).as("typed(%s)", c.get("input"))
                .isEqualTo(JSON.std.anyFrom(expected));
    }
}
