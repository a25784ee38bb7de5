package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.report.PlayTextTest.Case;
import dev.nodefix.report.PlayTextTest.Golden;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON of every {@code report/play/<case>} that names the {@code json} output, golden-tested, and its shape. */
class PlayJsonTest {
    static Stream<Golden> json() {
        return Case.all().stream().filter(c -> c.outputs().contains("json")).map(c -> new Golden(c, "json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("json")
    void printsWhatTheGoldenFileSays(Golden g) {
        String actual = g.c().render("json");
        assertThat(actual).isEqualTo(g.c().golden(g.file(), actual));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("json")
    void keepsTheContract(Golden g) throws IOException {
        Map<String, Object> root = JSON.std.mapFrom(g.c().render("json"));
        assertThat(List.copyOf(root.keySet()))
                .containsExactly("schema_version", "playbook", "check", "run", "plays", "tasks", "recap", "stopped",
                        "rollback", "retry");
        List<?> tasks = (List<?>) root.get("tasks");
        assertThat(tasks).hasSameSizeAs(g.c().lines());
        for (Object t : tasks) {
            Map<?, ?> task = (Map<?, ?>) t;
            assertThat(keys(task)).containsExactly("play", "task", "name", "host", "status", "ignored",
                    "handler", "detail", "changes", "notes");
            for (Object c : (List<?>) task.get("changes")) {
                Map<?, ?> change = (Map<?, ?>) c;
                assertThat(keys(change)).containsExactly("kind", "describe", "diff");
                assertThat(change.get("diff")).as(g + ": a diff is null or a list of lines")
                        .satisfiesAnyOf(d -> assertThat(d).isNull(), d -> assertThat(d).isInstanceOf(List.class));
            }
        }
        assertThat(keys((Map<?, ?>) root.get("recap"))).as(g + ": every host has a recap row")
                .containsExactlyInAnyOrderElementsOf(g.c().lines().stream().map(l -> l.host()).distinct().toList());
    }

    @Test
    void theCasesCoverARunAndACheck() {
        assertThat(json().map(g -> Boolean.TRUE.equals(g.c().doc().get("check"))).distinct()).containsExactlyInAnyOrder(true, false);
        assertThat(json()).anyMatch(g -> g.c().doc().get("stopped") != null).anyMatch(g -> g.c().doc().get("rollback") != null);
    }

    private static List<String> keys(Map<?, ?> m) {
        return m.keySet().stream().map(String::valueOf).toList();
    }
}
