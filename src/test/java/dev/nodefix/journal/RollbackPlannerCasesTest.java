package dev.nodefix.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code src/test/resources/rollback/<case>.yaml}: recorded changes + observed state -> rollback steps. */
class RollbackPlannerCasesTest {
    static Stream<RollbackCase> cases() throws IOException, URISyntaxException {
        Path root = Path.of(RollbackPlannerCasesTest.class.getResource("/rollback").toURI());
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream().map(RollbackCase::load);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansTheExpectedSteps(RollbackCase c) {
        // the case observes exactly what the planner asks to read
        assertThat(RollbackPlanner.reads(c.recorded())).as(c + ": reads")
                .containsExactlyInAnyOrderElementsOf(c.observed().keySet());
        List<RollbackStep> steps = RollbackPlanner.plan(c.recorded(), c.observed(), c.force(), c.after(),
                c.backendUndone());
        List<String> actual = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (RollbackStep s : steps) {
            actual.add(s.original().seq() + " " + s.action().label() + s.inverse().map(i -> ": " + i.describe()).orElse(""));
        }
        for (RollbackCase.Step s : c.expect()) {
            expected.add(s.seq() + " " + s.action().label() + s.inverse().map(i -> ": " + i).orElse(""));
        }
        assertThat(actual).as(c + ": steps").containsExactlyElementsOf(expected);
        for (int i = 0; i < steps.size(); i++) {
            RollbackStep step = steps.get(i);
            c.expect().get(i).reason().ifPresent(r -> assertThat(step.reason()).as(c + ": reason of seq " + step.original().seq())
                    .contains(r));
        }
    }

    @Test
    void theCasesCoverEveryAction() throws Exception {
        assertThat(cases().flatMap(c -> c.expect().stream()).map(RollbackCase.Step::action).distinct())
                .containsExactlyInAnyOrder(RollbackStep.Action.values());
    }
}
