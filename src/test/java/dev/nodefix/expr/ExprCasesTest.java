package dev.nodefix.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Every case of {@code src/test/resources/expr/cases.yaml}: an expression and a context in, a value or an error out. */
class ExprCasesTest {
    private final Expressions expressions = new Expressions();

    /** One case: {@code kind} is expr, condition or template. */
    record Case(int index, String kind, String text, Map<String, Object> context, boolean fails, Object expected) {
        @Override
        public String toString() {
            return "#" + index + " " + kind + " " + text.replace("\n", "\\n") + (fails ? " -> error" : "");
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Case> cases() throws IOException {
        Map<String, Object> doc;
        try (InputStream in = ExprCasesTest.class.getResourceAsStream("/expr/cases.yaml")) {
            doc = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, Object> shared = (Map<String, Object>) doc.get("context");
        List<Case> cases = new ArrayList<>();
        List<Map<String, Object>> entries = (List<Map<String, Object>>) doc.get("cases");
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> e = entries.get(i);
            String kind = Stream.of("expr", "condition", "template").filter(e::containsKey).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("case without expr/condition/template: " + e));
            boolean fails = e.containsKey("error");
            if (!fails && !e.containsKey("value")) {
                throw new IllegalArgumentException("case needs value or error: " + e);
            }
            Map<String, Object> context = (Map<String, Object>) e.getOrDefault("context", shared);
            cases.add(new Case(i + 1, kind, String.valueOf(e.get(kind)), context, fails,
                    fails ? e.get("error") : e.get("value")));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesAsExpected(Case c) {
        if (c.fails()) {
            assertThatThrownBy(() -> run(c)).isInstanceOf(ExpressionException.class)
                    .hasMessageContaining(String.valueOf(c.expected()));
            return;
        }
        assertThat(numbers(run(c))).isEqualTo(numbers(c.expected()));
    }

    private Object run(Case c) {
        return switch (c.kind()) {
            case "condition" -> expressions.test(c.text(), c.context());
            case "template" -> expressions.interpolate(c.text(), c.context());
            default -> expressions.evaluate(c.text(), c.context());
        };
    }

    /** Whole numbers as Long and the rest as Double, so YAML's Integer and JEXL's Long or Integer compare. */
    private static Object numbers(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(ExprCasesTest::numbers).toList();
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, numbers(v)));
            return out;
        }
        return value;
    }
}
