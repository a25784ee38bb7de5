package dev.nodefix.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.engine.BecomeRule;
import dev.nodefix.engine.Connections;
import dev.nodefix.expr.Expressions;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.modules.BuiltinModules;
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
 * {@code --break-lock} where the run (here an empty playbook, as the executor gets it) has nothing to change: only the hosts the run will not lock are asked, and
 * only the locks broken (or the hosts that could not be asked) are reported.
 */
class PlaybookRunIdleLocksTest {
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

        List<Host> hosts = java.util.stream.Stream.of("changing", "locked", "free", "down").map(n -> new Host(n, Map.of(),
                List.of(), dev.nodefix.inventory.Connection.to(n), dev.nodefix.inventory.Role.UNKNOWN)).toList();
        Map<String, Host> byName = new java.util.LinkedHashMap<>();
        hosts.forEach(h -> byName.put(h.name(), h));
        Inventory inventory = new Inventory("test", Map.of("all", new dev.nodefix.inventory.Group("all", Map.of(),
                List.copyOf(byName.keySet()), List.of())), byName);
        PlaybookRun run = new PlaybookRun(new dev.nodefix.playbook.Playbook(java.nio.file.Path.of("test"), List.of()),
                inventory, hosts, PlayOptions.defaults(), connections, 2, BecomeRule.none(), true,
                BuiltinModules.registry(), new Expressions(), d -> { });
        TaskLine change = new TaskLine(0, 1, "t", "changing", TaskLine.Status.CHANGED, false, false, "",
                List.of(new dev.nodefix.change.CommandChange("true", java.util.Optional.empty())), List.of());
        PlaybookPlan plan = new PlaybookPlan(hosts.stream().map(h -> new PlaybookPlan.Host(h.name(),
                h.name().equals("changing") ? List.of(change) : List.of(), Map.of())).toList(), java.util.Optional.empty());
        Map<String, String> said = run.breakIdleLocks(plan);
        connections.close();

        assertThat(asked).containsExactlyInAnyOrder("locked", "free");
        assertThat(said).containsExactly(Map.entry("down", "cannot break its lock: unreachable"),
                Map.entry("locked", "broke lock of 20261125T201503Z-3f9a started ..."));
    }
}
