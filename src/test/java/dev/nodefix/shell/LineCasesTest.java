package dev.nodefix.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.modules.BuiltinModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code shell/lines/*.yaml}: a line in a session -> the CLI command it runs, the new state, or what is said. */
class LineCasesTest {
    static final Path INV = Path.of("src/test/resources/shell/inventory.yaml");

    static Stream<LineCase> cases() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/shell/lines"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(LineCase::load).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void lineMeansWhatTheCaseSays(LineCase c) {
        ShellState before = c.state(INV);
        Action action = new LineTranslator(new ShellInventory(INV), BuiltinModules.registry()).translate(c.line(), before);

        if ("exit".equals(c.expect())) {
            assertThat(action).isInstanceOf(Action.Exit.class);
            return;
        }
        Map<String, Object> expect = (Map<String, Object>) c.expect();
        if (expect.containsKey("argv")) {
            assertThat(action).as(c.name()).isInstanceOf(Action.Invoke.class);
            Action.Invoke invoke = (Action.Invoke) action;
            List<String> argv = LineCase.strings(expect.get("argv")).stream()
                    .map(a -> a.equals("$INV") ? INV.toString() : a).toList();
            assertThat(invoke.argv()).isEqualTo(argv);
            assertThat(describe(invoke.effect())).isEqualTo(expect.get("effect"));
            assertThat(invoke.note()).isEqualTo(expect.getOrDefault("note", ""));
        } else if (expect.containsKey("state")) {
            assertThat(action).as(c.name() + ": " + action).isInstanceOf(Action.Update.class);
            Action.Update update = (Action.Update) action;
            assertThat(update.state()).isEqualTo(LineCase.apply(before, (Map<String, Object>) expect.get("state")));
            assertThat(update.message()).isEqualTo(expect.get("message"));
        } else {
            assertThat(action).as(c.name() + ": " + action).isInstanceOf(Action.Say.class);
            Action.Say say = (Action.Say) action;
            Object text = expect.get("say");
            List<String> parts = text instanceof List<?> ? LineCase.strings(text) : List.of(String.valueOf(text));
            if (parts.equals(List.of(""))) {
                assertThat(say.text()).isEmpty();
            }
            assertThat(say.text()).contains(parts);
            assertThat(say.failed()).isEqualTo(expect.get("failed"));
        }
    }

    private static String describe(Effect effect) {
        if (effect instanceof Effect.Facts f) {
            return "facts " + f.key() + (f.refresh() ? " refresh" : "");
        }
        if (effect instanceof Effect.Changes c) {
            return c.records() ? "changes records" : "changes";
        }
        if (effect instanceof Effect.Undoes u) {
            return "undoes " + u.run();
        }
        return "reads";
    }
}
