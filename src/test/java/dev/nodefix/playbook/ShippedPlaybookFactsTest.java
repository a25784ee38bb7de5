package dev.nodefix.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.FactKeys;
import dev.nodefix.fact.NodeFacts;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code facts.a.b} a shipped playbook reads names facts under the keys {@code facts --json} writes
 * (the fact model's names in snake_case), so a key copied either way works.
 */
class ShippedPlaybookFactsTest {
    private static final Pattern PATH = Pattern.compile("\\bfacts((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");

    static Stream<Path> playbooks() throws IOException {
        return ShippedPlaybooksTest.playbooks();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("playbooks")
    void readsFactsByTheirJsonKeys(Path file) throws IOException {
        List<String> paths = paths(Files.readString(file));
        for (String path : paths) {
            assertThat(unknown(path)).as(file + ": " + path).isEmpty();
        }
    }

    @Test
    void aJavaNameIsNotAKey() {
        assertThat(unknown("facts.kube_postrouting.form")).isEmpty();
        assertThat(unknown("facts.kubePostrouting.form")).contains("kubePostrouting");
        assertThat(unknown("facts.peer_routes.offLink")).contains("offLink");
        assertThat(paths("that: facts.peer_routes.present && empty(facts.peer_routes.off_link)\n# facts.x in a comment"))
                .containsExactly("facts.peer_routes.present", "facts.peer_routes.off_link");
    }

    /** The {@code facts.} paths outside comments. */
    private static List<String> paths(String yaml) {
        List<String> out = new ArrayList<>();
        for (String line : yaml.lines().filter(l -> !l.strip().startsWith("#")).toList()) {
            Matcher m = PATH.matcher(line);
            while (m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** The first part of {@code path} that names no fact, or empty; a map's or list's keys are data, not checked. */
    private static Optional<String> unknown(String path) {
        Type type = NodeFacts.class;
        for (String part : path.substring("facts.".length()).split("\\.")) {
            Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
            if (!raw.isRecord()) {
                return Optional.empty();
            }
            Optional<RecordComponent> named = Arrays.stream(raw.getRecordComponents())
                    .filter(c -> FactKeys.snake(c.getName()).equals(part)).findFirst();
            if (named.isEmpty()) {
                return Optional.of(part);
            }
            type = named.get().getGenericType();
            if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
                type = p.getActualTypeArguments()[0];
            }
        }
        return Optional.empty();
    }
}
