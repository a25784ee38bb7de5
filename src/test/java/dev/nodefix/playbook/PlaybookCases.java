package dev.nodefix.playbook;

import dev.nodefix.expr.Expressions;
import dev.nodefix.modules.BuiltinModules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The playbook cases under {@code playbooks/<set>/}: each {@code NAME.yaml} beside its {@code NAME.expected}. A
 * case may start with {@code # extra-vars: a, b} to load it as if run with {@code -e a=... -e b=...}.
 */
final class PlaybookCases {
    private static final String EXTRA = "# extra-vars:";

    private PlaybookCases() {}

    static Stream<Path> in(String set) throws IOException, URISyntaxException {
        Path dir = Path.of(PlaybookCases.class.getResource("/playbooks/" + set).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    static Playbook load(Path file) {
        return new PlaybookLoader(BuiltinModules.registry(), new Expressions()).load(file, extraVars(file));
    }

    static String expected(Path file) throws IOException {
        return Files.readString(file.resolveSibling(file.getFileName().toString().replaceFirst("\\.yaml$", ".expected")));
    }

    private static Map<String, Object> extraVars(Path file) {
        try {
            String first = Files.readAllLines(file).stream().findFirst().orElse("");
            Map<String, Object> vars = new LinkedHashMap<>();
            if (first.startsWith(EXTRA)) {
                Arrays.stream(first.substring(EXTRA.length()).split(",")).map(String::strip)
                        .forEach(name -> vars.put(name, "x"));
            }
            return vars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
