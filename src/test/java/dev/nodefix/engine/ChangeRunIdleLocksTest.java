package dev.nodefix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.expr.Expressions;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code --break-lock} where the run has nothing to change: only the hosts the run will not lock are asked, and
 * only the locks broken (or the hosts that could not be asked) are reported.
 */
class ChangeRunIdleLocksTest {
    @Test
    void onlyIdleHostsAreAskedAndOnlyBrokenLocksAndUnreachableHostsAreReported() {
        List<String> asked = new CopyOnWriteArrayList<>();
        Map<String, String> stderr = Map.of("locked", "broke lock of 20261125T201503Z-3f9a started ...", "free", "");
        Connections connections = new Connections(host -> {
            if (host.name().equals("down")) {
                throw new TransportException("down", FailureClass.REFUSED, "down:22 refused");
            }
            return new Transport() {
                @Override
                public String host() {
                    return host.name();
                }

                @Override
                public CommandResult execute(Command command) {
                    asked.add(host.name());
                    return new CommandResult(0, "", stderr.getOrDefault(host.name(), ""), Duration.ZERO);
                }

                @Override
                public void close() {
                }
            };
        });

        Map<String, String> said = new ChangeRun(connections, 2, BecomeRule.none(), true, new Expressions())
                .breakIdleLocks(FanOutTest.hosts("changing", "locked", "free", "down"), List.of("changing"));
        connections.close();

        assertThat(asked).containsExactlyInAnyOrder("locked", "free");
        assertThat(said).containsExactly(Map.entry("down", "cannot break its lock: unreachable"),
                Map.entry("locked", "broke lock of 20261125T201503Z-3f9a started ..."));
    }
}
