package dev.nodefix.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sandbox: no Java method, constructor, class, field or package is reachable from an expression. */
class ExprSandboxTest {
    private final Expressions expressions = new Expressions();

    @TempDir
    Path dir;

    private Map<String, Object> context() {
        Map<String, Object> m = new HashMap<>(Map.of("a", 1L, "b", "two"));
        return new HashMap<>(Map.of("s", "text", "m", m, "l", new java.util.ArrayList<>(List.of(1L, 2L)), "n", 3L));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"\".getClass()",
        "s.getClass()",
        "s.getClass().forName('java.lang.Runtime')",
        "''.class.forName('java.lang.Runtime').getRuntime().exec('id')",
        "s.toUpperCase()",
        "s.length()",
        "s.concat('x')",
        "m.clear()",
        "m.put('c', 3)",
        "m.remove('a')",
        "m.entrySet()",
        "m.get('a')",
        "l.add(3)",
        "l.clear()",
        "n.toString()",
        "new('java.lang.ProcessBuilder', 'id')",
        "new('java.io.File', '/tmp/x').delete()",
        "java.lang.Runtime.getRuntime()",
        "Runtime.getRuntime().exec('id')",
        "System.exit(1)",
        "System.getProperty('user.home')",
        "java.lang.System.getenv()",
        "Math.abs(-1)",
        "math:abs(-1)",
        "m.a = 5",
        "m['a'] = 5",
        "l[0] = 9",
        "n = 4",
        "n += 1",
        "n++",
        "var x = 1",
        "(x) -> x",
        "function(x) { x }",
        "#pragma jexl.namespace.rt java.lang.Runtime\nrt:getRuntime()",
        "#pragma jexl.import java.lang\nnew('ProcessBuilder', 'id')",
        "for (x : l) { x }",
        "while (true) { 1 }",
        "`${s.toUpperCase()}`",
    })
    void refusesJavaAccessAndSideEffects(String attack) {
        Map<String, Object> context = context();
        Map<String, Object> before = deepCopy(context);
        assertThatThrownBy(() -> expressions.evaluate(attack, context)).as(attack)
                .isInstanceOf(ExpressionException.class)
                .satisfies(e -> assertThat(((ExpressionException) e).expression()).isEqualTo(attack.strip()));
        assertThat(context).as("the context is untouched by " + attack).isEqualTo(before);
    }

    @Test
    void classAndGetterPropertiesReachNothing() {
        Map<String, Object> context = context();
        for (String attack : List.of("s.class", "s.bytes", "s.empty", "l.class", "n.class", "s['class']")) {
            assertThatThrownBy(() -> expressions.evaluate(attack, context)).as(attack)
                    .isInstanceOf(ExpressionException.class).hasMessageContaining("undefined property");
        }
        // a map's .class is its key "class" (absent here), never java.lang.Class
        assertThat(expressions.evaluate("m.class", context)).isNull();
        assertThat(expressions.evaluate("m.getClass", context)).isNull();
    }

    @Test
    void noExpressionCanCreateAFile() {
        Path target = dir.resolve("pwned");
        String p = target.toString();
        List<String> attacks = List.of(
                "new('java.lang.ProcessBuilder', ['touch', '" + p + "']).start()",
                "new('java.lang.ProcessBuilder', 'touch', '" + p + "').start().waitFor()",
                "''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch " + p + "')",
                "java.lang.Runtime.getRuntime().exec('touch " + p + "').waitFor()",
                "new('java.io.File', '" + p + "').createNewFile()",
                "new('java.io.FileOutputStream', '" + p + "')",
                "java.nio.file.Files.createFile(java.nio.file.Path.of('" + p + "'))",
                "#pragma jexl.import java.io\nnew('FileOutputStream', '" + p + "')",
                "`${new('java.io.File', '" + p + "').createNewFile()}`");
        for (String attack : attacks) {
            assertThatThrownBy(() -> expressions.evaluate(attack, context())).as(attack)
                    .isInstanceOf(ExpressionException.class);
            assertThatThrownBy(() -> expressions.interpolate("x {{ " + attack + " }}", context())).as(attack)
                    .isInstanceOf(ExpressionException.class);
            assertThat(Files.exists(target)).as("file created by " + attack).isFalse();
        }
    }

    @Test
    void aContextWithAJavaObjectIsRejectedBeforeEvaluating() {
        Path marker = dir.resolve("marker");
        Map<String, Object> context = Map.of("f", marker.toFile());
        assertThatThrownBy(() -> expressions.evaluate("f.createNewFile()", context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.io.File");
        assertThatThrownBy(() -> expressions.evaluate("1", Map.of("m", Map.of("k", new StringBuilder()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StringBuilder");
        assertThat(Files.exists(marker)).isFalse();
    }

    @Test
    void permissionsAllowOnlyMapAndListLookup() throws Exception {
        NoJavaAccess permissions = new NoJavaAccess();
        assertThat(permissions.allow(Runtime.class)).isFalse();
        assertThat(permissions.allow(ProcessBuilder.class)).isFalse();
        assertThat(permissions.allow(String.class)).isFalse();
        assertThat(permissions.allow(Class.class)).isFalse();
        assertThat(permissions.allow(Runtime.class.getMethod("getRuntime"))).isFalse();
        assertThat(permissions.allow(Object.class.getMethod("getClass"))).isFalse();
        assertThat(permissions.allow(ProcessBuilder.class.getConstructor(String[].class))).isFalse();
        assertThat(permissions.allow(System.class.getField("out"))).isFalse();
        assertThat(permissions.allow(Map.class.getMethod("put", Object.class, Object.class))).isFalse();
        assertThat(permissions.allow(Map.class.getMethod("clear"))).isFalse();
        assertThat(permissions.allow(List.class.getMethod("add", Object.class))).isFalse();
        assertThat(permissions.allow(Runtime.class.getPackage())).isFalse();
        assertThat(permissions.allow(Map.class.getMethod("get", Object.class))).isTrue();
        assertThat(permissions.allow(List.class.getMethod("get", int.class))).isTrue();
    }

    @Test
    void conditionsMustBeBooleanAndNameTheExpression() {
        assertThatThrownBy(() -> expressions.test("n", context())).isInstanceOfSatisfying(ExpressionException.class,
                e -> {
                    assertThat(e.expression()).isEqualTo("n");
                    assertThat(e.reason()).isEqualTo("a condition must be true or false, got a number (3)");
                });
        assertThat(expressions.test("m.a == 1 && l[1] == 2 && s =^ 'te'", context())).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> context) {
        Map<String, Object> copy = new HashMap<>();
        context.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? new HashMap<>((Map<String, Object>) m)
                : v instanceof List<?> l ? List.copyOf(l) : v));
        return copy;
    }
}
