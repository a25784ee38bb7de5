package dev.nodefix.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.inventory.Location;
import dev.nodefix.playbook.PlayTask;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@code play/tags.yaml}: a task's tags, {@code --tags} and {@code --skip-tags}: selected or not. */
class PlayOptionsTest {
    record Case(String name, List<String> task, Set<String> tags, Set<String> skipTags, boolean selected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws URISyntaxException {
        Path file = Path.of(PlayOptionsTest.class.getResource("/executor/tags.yaml").toURI());
        return PlayCaseList.load(file).stream().map(c -> new Case(String.valueOf(c.get("name")),
                PlayCase.strings(c.get("task")), Set.copyOf(PlayCase.strings(c.get("tags"))),
                Set.copyOf(PlayCase.strings(c.get("skip_tags"))), (Boolean) c.get("selected")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void selectsAsTheCaseSays(Case c) {
        PlayOptions options = new PlayOptions(Map.of(), Optional.empty(), c.tags(), c.skipTags(), PlayOptions.GATE_TIMEOUT);
        assertThat(options.selects(task(c.task()))).as(c.name()).isEqualTo(c.selected());
    }

    private static PlayTask task(List<String> tags) {
        return new PlayTask("t", "command", Map.of("cmd", "true"), List.of(), Optional.empty(), List.of(), 0,
                Optional.empty(), Duration.ZERO, tags, Optional.empty(), false, List.of(), List.of(),
                new Location("tags.yaml", 1, 1));
    }
}
