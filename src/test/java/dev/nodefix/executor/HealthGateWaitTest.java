package dev.nodefix.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.engine.BecomeRule;
import dev.nodefix.engine.TaskSteps;
import dev.nodefix.expr.Expressions;
import dev.nodefix.fact.NodeName;
import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Role;
import dev.nodefix.module.HostContext;
import dev.nodefix.modules.BuiltinModules;
import dev.nodefix.report.WaitLine;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * While the health gate waits for nodes to become Ready it says so, at the first poll and then at most every
 * {@link GateWatch#EVERY}, with the time waited and the limit; a k3s server stand-in answers {@code kubectl get
 * nodes} NotReady for a while, then Ready (or never).
 */
class HealthGateWaitTest {
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private record Told(String what, Duration waited, Duration limit) {
    }

    @Test
    void aLongWaitIsToldEverySixSecondsOfPollsUntilTheNodeIsReady() {
        List<Told> told = new ArrayList<>();
        List<Duration> sleeps = new ArrayList<>();

        Optional<String> problem = gate(sleeps).ready(wanted(), server(20), (w, d, l) -> told.add(new Told(w, d, l)));

        assertThat(problem).isEmpty();
        assertThat(sleeps).hasSize(20).containsOnly(HealthGate.POLL);
        assertThat(told).extracting(Told::waited).map(Duration::toSeconds).containsExactly(0L, 6L, 12L, 18L, 24L, 30L, 36L);
        assertThat(told).allSatisfy(t -> {
            assertThat(t.what()).isEqualTo("agt1 NotReady to be Ready");
            assertThat(t.limit()).isEqualTo(LIMIT);
        });
        assertThat(WaitLine.of(told.get(5).what(), told.get(5).waited(), LIMIT))
                .isEqualTo("waiting for agt1 NotReady to be Ready (30 s of 120 s)");
    }

    @Test
    void aNodeReadyAtOnceIsNotWaitedForAndOneNeverReadyIsToldUntilTheLimit() {
        List<Told> quick = new ArrayList<>();
        assertThat(gate(new ArrayList<>()).ready(wanted(), server(0), (w, d, l) -> quick.add(new Told(w, d, l)))).isEmpty();
        assertThat(quick).isEmpty();

        List<Told> never = new ArrayList<>();
        Optional<String> problem = gate(new ArrayList<>()).ready(wanted(), server(Integer.MAX_VALUE),
                (w, d, l) -> never.add(new Told(w, d, l)));
        assertThat(problem).hasValue("not Ready after 120 s: agt1 NotReady");
        assertThat(never).hasSize(20).last().extracting(Told::waited).isEqualTo(Duration.ofSeconds(114));
    }

    private static HealthGate gate(List<Duration> sleeps) {
        return new HealthGate(BuiltinModules.registry(), LIMIT, sleeps::add, 1);
    }

    private static List<NodeReadiness.Wanted> wanted() {
        return List.of(new NodeReadiness.Wanted("agt1", new NodeName(Optional.of("agt1"), "test")));
    }

    /** A k3s server whose {@code kubectl get nodes} lists agt1 NotReady for the first {@code notReady} polls. */
    private static TaskRunner.On server(int notReady) {
        Host host = new Host("srv1", Map.of(), List.of(), Connection.to("192.0.2.10"), Role.SERVER);
        AtomicInteger polls = new AtomicInteger();
        Transport transport = new Transport() {
            @Override
            public String host() {
                return "srv1";
            }

            @Override
            public CommandResult execute(Command command) {
                assertThat(command.argv()).containsSequence("kubectl", "get", "nodes");
                String status = polls.getAndIncrement() < notReady ? "NotReady" : "Ready";
                return new CommandResult(0, "srv1 Ready control-plane 1d v1.30.4+k3s1\nagt1 " + status
                        + " <none> 1d v1.30.4+k3s1\n", "", Duration.ofMillis(5));
            }

            @Override
            public void close() {
            }
        };
        return new TaskRunner.On(host, new HostContext("srv1", List.of()), transport,
                new TaskSteps(BecomeRule.none(), false, new Expressions()));
    }
}
