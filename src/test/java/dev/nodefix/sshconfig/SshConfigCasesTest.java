package dev.nodefix.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data cases under sshconfig/cases/NAME: {@code home/.ssh/config} (and includes), an optional
 * {@code system/ssh_config}, and {@code expect.txt}: sections {@code [host]} or {@code [host user=NAME]}
 * followed by {@code keyword value @ origin} lines (paths relative to the case directory, {@code ~} for its
 * home). Only the keywords a section names are compared; a list keyword compares all its lines in order.
 */
class SshConfigCasesTest {
    @TempDir
    Path scratch;

    static Stream<Path> cases() {
        return SshFixture.all("cases").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valuesAndOrigins(Path source) throws IOException {
        SshFixture fixture = SshFixture.copy(source, scratch);
        SshConfig config = fixture.load();
        for (Map.Entry<String, List<String>> section : sections(source.resolve("expect.txt")).entrySet()) {
            String[] head = section.getKey().split(" ");
            Optional<String> user = head.length > 1 ? Optional.of(head[1].substring("user=".length()))
                    : Optional.empty();
            SshHostConfig host = config.forHost(head[0], user, "alice", "box.example.org");
            Set<String> named = section.getValue().stream().map(l -> l.split(" ", 2)[0]).collect(Collectors.toSet());
            List<String> actual = HostConfigText.of(host).stream().filter(t -> named.contains(t.keyword()))
                    .map(t -> relative(fixture, t.keyword() + " " + t.value() + " @ " + t.origin())).toList();
            List<String> expected = section.getValue();
            assertThat(actual).as("[%s] in %s", section.getKey(), fixture.name())
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(listOrder(actual)).as("order of list keywords").isEqualTo(listOrder(expected));
        }
    }

    private static List<String> listOrder(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("identityfile ") || l.startsWith("certificatefile ")).toList();
    }

    private static String relative(SshFixture fixture, String text) {
        return text.replace(fixture.home() + "/", "~/").replace(fixture.root() + "/", "");
    }

    static Map<String, List<String>> sections(Path file) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                current = new ArrayList<>();
                out.put(line.substring(1, line.indexOf(']')), current);
            } else {
                current.add(line.strip());
            }
        }
        return out;
    }
}
