package dev.nodefix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.change.ServiceChange;
import dev.nodefix.expr.Expressions;
import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Role;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.journal.RunKind;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.RunStore;
import dev.nodefix.module.Plan;
import dev.nodefix.query.LocalShell;
import dev.nodefix.query.Query;
import dev.nodefix.query.WaitCondition;
import dev.nodefix.query.WaitQuery;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that wait on a node are told while they run: a restart until the unit is active (a service
 * change) and a wait_for read; a quick read is not. The node is a stand-in whose command returns once two waits
 * were told (the clock and pauses are {@link WaitTickerTest.Ticks}').
 */
class TaskStepsWaitTest {
    private static final Host SRV1 = new Host("srv1", Map.of(), List.of(), Connection.to("192.0.2.10"), Role.SERVER);

    @TempDir
    Path tmp;

    @Test
    void aRestartIsToldWhileItWaitsForTheUnitToBeActive() {
        WaitTickerTest.Ticks ticks = new WaitTickerTest.Ticks(2);
        TaskSteps steps = steps(ticks);
        Task restart = new Task(1, "restart k3s", List.of(), state -> TaskPlan.of(new Plan.Changes(List.of(
                new ServiceChange("k3s.service", ServiceChange.Action.RESTART, Duration.ofSeconds(30))))));
        RunMeta meta = new RunMeta("20261202T210000Z-0001", RunKind.APPLY, Optional.empty(),
                Instant.parse("2026-12-02T21:00:00Z"), "restart", List.of("srv1"), Optional.empty());
        AtomicInteger seq = new AtomicInteger();

        TaskResult result;
        try (RunJournal journal = new RunStore(tmp.resolve("runs")).create(meta)) {
            result = steps.apply(node(c -> {
                ticks.awaitTold();
                return new CommandResult(0, "", "", Duration.ofSeconds(10));
            }), SRV1, restart, Optional.empty(), journal, meta.id(), seq::incrementAndGet);
        }

        assertThat(result.outcome()).isEqualTo(TaskResult.Outcome.CHANGED);
        assertThat(ticks.told).containsExactly("k3s.service to be active on srv1: 5 s of 30 s",
                "k3s.service to be active on srv1: 10 s of 30 s");
    }

    @Test
    void aWaitForReadIsToldAndAQuickReadIsNot() {
        WaitTickerTest.Ticks ticks = new WaitTickerTest.Ticks(1);
        TaskSteps steps = steps(ticks);
        WaitQuery port = new WaitQuery(new WaitCondition.Path("/", true), Duration.ofSeconds(60));

        steps.read(node(c -> {
            ticks.awaitTold();
            return LocalShell.run(c);
        }), SRV1, List.of(new Query.File("/etc/hostname"), port));

        assertThat(ticks.told).containsExactly("/ to be present on srv1: 5 s of 60 s");
        assertThat(new Query.File("/etc/hostname").waits()).as("a quick read is not told").isEmpty();
    }

    private static TaskSteps steps(WaitTickerTest.Ticks ticks) {
        return new TaskSteps(BecomeRule.none(), false, new Expressions(), ticks.ticker(), ticks::tell);
    }

    private static Transport node(Function<Command, CommandResult> answer) {
        return new Transport() {
            @Override
            public String host() {
                return "srv1";
            }

            @Override
            public CommandResult execute(Command command) {
                return answer.apply(command);
            }

            @Override
            public void close() {
            }
        };
    }
}
