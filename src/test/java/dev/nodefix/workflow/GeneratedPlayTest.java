package dev.nodefix.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.change.CommandChange;
import dev.nodefix.journal.Recorded;
import dev.nodefix.modules.BuiltinModules;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.PlayTask;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plays run -m and rollback are: one play over the selected hosts, gather off, the tasks in the right order. */
class GeneratedPlayTest {
    private static Recorded change(int seq, int task, String name) {
        return new Recorded(seq, task, name, new CommandChange("touch /" + seq, Optional.of("rm -f /" + seq)),
                Recorded.Status.DONE, Optional.empty());
    }

    @Test
    void aRollbackUndoesTheRunsTasksLastFirstOneTaskEachWithItsMaxFailPercentage() {
        GeneratedPlay play = GeneratedPlay.rollback("20261125T201503Z-3f9a", Map.of(
                        "n1", List.of(change(1, 1, "offload off"), change(2, 2, "backend"), change(3, 2, "backend")),
                        "n2", List.of(change(1, 1, "offload off"))),
                false, Map.of(), false, Optional.of(25));

        Play only = play.book().plays().get(0);
        assertThat(play.book().plays()).hasSize(1);
        assertThat(only.name()).isEqualTo("rollback 20261125T201503Z-3f9a");
        assertThat(only.tasks()).extracting(PlayTask::title).containsExactly("undo backend", "undo offload off");
        assertThat(only.maxFailPercentage()).contains(25);
        assertThat(only.gatherFacts()).isFalse();
        assertThat(only.hosts()).isEqualTo("all");
    }

    @Test
    void runMIsOnePlayOfOneTaskNamedAsTyped() {
        Map<String, Object> args = Map.of("cmd", "true");
        GeneratedPlay play = GeneratedPlay.module("command cmd=true", "command", args,
                BuiltinModules.registry().get("command").invoke(args));

        assertThat(play.book().plays()).singleElement().satisfies(p -> {
            assertThat(p.tasks()).extracting(PlayTask::title).containsExactly("command cmd=true");
            assertThat(p.tasks().get(0).module()).isEqualTo("command");
            assertThat(p.maxFailPercentage()).isEmpty();
            assertThat(p.gatherFacts()).isFalse();
        });
    }
}
