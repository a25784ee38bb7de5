package dev.nodefix.play;

import dev.nodefix.engine.FanOut;
import dev.nodefix.engine.HostOutcome;
import dev.nodefix.engine.Task;
import dev.nodefix.engine.TaskPlan;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Role;
import dev.nodefix.module.Invocation;
import dev.nodefix.module.ModuleRegistry;
import dev.nodefix.module.Plan;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What must hold after a batch changed its hosts before the next batch starts: on every k3s node of the batch
 * its unit active ({@code k3s} on a server, {@code k3s-agent} on an agent), then each of them Ready in
 * {@code k3s kubectl get nodes} on a server of the inventory, when there is one (the node name is taken to be
 * the inventory name). The play's probes are its own tasks: a failed one already fails its host.
 */
final class HealthGate {
    static final Duration POLL = Duration.ofSeconds(2);

    private final ModuleRegistry registry;
    private final Duration timeout;
    private final TaskRunner.Sleeper sleeper;
    private final FanOut fanOut;

    HealthGate(ModuleRegistry registry, Duration timeout, TaskRunner.Sleeper sleeper, int forks) {
        this.registry = registry;
        this.timeout = timeout;
        this.sleeper = sleeper;
        this.fanOut = new FanOut(forks);
    }

    /** Empty when the batch is healthy; otherwise what is not, one clause per problem. */
    Optional<String> check(List<Host> batch, Function<Host, TaskRunner.On> on, Optional<Host> server) {
        List<Host> nodes = batch.stream().filter(h -> h.role() != Role.UNKNOWN).toList();
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        for (HostOutcome<Optional<String>> o : fanOut.run(nodes, h -> unitActive(on.apply(h)))) {
            if (o instanceof HostOutcome.Succeeded<Optional<String>> ok) {
                ok.value().ifPresent(problems::add);
            } else {
                problems.add(o.host().name() + ": unit state unreadable (" + failure(o) + ")");
            }
        }
        if (problems.isEmpty() && server.isPresent()) {
            try {
                ready(nodes, on.apply(server.get())).ifPresent(problems::add);
            } catch (TransportException e) {
                problems.add("cannot ask k3s on " + server.get().name() + ": " + e.getMessage());
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private Optional<String> unitActive(TaskRunner.On on) {
        String unit = on.host().role() == Role.SERVER ? "k3s" : "k3s-agent";
        Invocation wait = registry.get("wait_for").invoke(Map.of("unit", unit, "state", "active",
                "timeout", Long.toString(timeout.toSeconds())));
        Task task = new Task(0, "health gate", wait.reads(), state -> TaskPlan.of(wait.plan(state)));
        Plan plan = on.steps().plan(on.transport(), on.host(), task).plan();
        return plan instanceof Plan.Refused r
                ? Optional.of(on.host().name() + ": " + unit + " is not active (" + r.reason()
                + ")") : Optional.empty();
    }

    /** Polls {@code k3s kubectl get nodes} on the server until every node is Ready, or the timeout. */
    private Optional<String> ready(List<Host> nodes, TaskRunner.On server) {
        Command get = Command.of("k3s", "kubectl", "get", "nodes", "--no-headers");
        String last = "";
        long tries = Math.max(1, timeout.toMillis() / POLL.toMillis());
        for (long i = 0; i < tries; i++) {
            CommandResult r = server.steps().execute(server.transport(), server.host(), get);
            if (r.ok()) {
                Map<String, String> status = statuses(r.stdout());
                List<String> notReady = nodes.stream().map(Host::name)
                        .filter(n -> !ready(status.get(n))).toList();
                if (notReady.isEmpty()) {
                    return Optional.empty();
                }
                last = notReady.stream().map(n -> n + " " + status.getOrDefault(n, "missing"))
                        .reduce((a, b) -> a + ", " + b).orElse("");
            } else {
                last = "k3s kubectl failed on " + server.host().name() + ": exit " + r.exitCode() + " "
                        + (r.stderr() + r.stdout()).strip();
            }
            if (i + 1 < tries) {
                sleeper.sleep(POLL);
            }
        }
        return Optional.of("not Ready after " + timeout.toSeconds() + " s: " + last);
    }

    /** {@code Ready}, also when cordoned ({@code Ready,SchedulingDisabled}): the node's network is up. */
    static boolean ready(String status) {
        return status != null && status.split(",")[0].equals("Ready");
    }

    /** NAME STATUS from {@code kubectl get nodes --no-headers} lines. */
    static Map<String, String> statuses(String table) {
        Map<String, String> out = new HashMap<>();
        for (String line : table.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 2) {
                out.put(cols[0], cols[1]);
            }
        }
        return out;
    }

    private static String failure(HostOutcome<?> o) {
        if (o instanceof HostOutcome.Failed<?> f) {
            return f.error().getMessage();
        }
        return o instanceof HostOutcome.Crashed<?> c ? String.valueOf(c.error()) : "";
    }
}
