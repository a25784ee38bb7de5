package dev.nodefix.executor;

import dev.nodefix.engine.FanOut;
import dev.nodefix.engine.HostOutcome;
import dev.nodefix.engine.Task;
import dev.nodefix.engine.TaskPlan;
import dev.nodefix.fact.NodeName;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What must hold after a batch changed its hosts before the next batch starts: on every k3s node of the batch
 * its unit active ({@code k3s} on a server, {@code k3s-agent} on an agent), then each of them Ready in
 * {@code k3s kubectl get nodes} on a server of the inventory, when there is one. Each node is looked up by its
 * Kubernetes name as k3s set it ({@link NodeName}, learned from the node), not by its inventory name; a node k3s
 * does not list fails the gate at once ({@link NodeReadiness}). The play's probes are its own tasks: a failed one
 * already fails its host.
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

    /** A node's unit problem, if any, and the name k3s knows it by. */
    private record NodeCheck(Optional<String> problem, NodeName name) {
    }

    /**
     * Empty when the batch is healthy; otherwise what is not, one clause per problem.
     *
     * @param names a node's Kubernetes name, read from the node (it may reach the node)
     */
    Optional<String> check(List<Host> batch, Function<Host, TaskRunner.On> on, Optional<Host> server,
                           Function<TaskRunner.On, NodeName> names, GateWatch watch) {
        List<Host> nodes = batch.stream().filter(h -> h.role() != Role.UNKNOWN).toList();
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        List<NodeReadiness.Wanted> wanted = new ArrayList<>();
        for (HostOutcome<NodeCheck> o : fanOut.run(nodes, h -> nodeCheck(on.apply(h), names))) {
            if (o instanceof HostOutcome.Succeeded<NodeCheck> ok) {
                ok.value().problem().ifPresent(problems::add);
                wanted.add(new NodeReadiness.Wanted(o.host().name(), ok.value().name()));
            } else {
                problems.add(o.host().name() + ": unit state or node name unreadable (" + failure(o) + ")");
            }
        }
        if (problems.isEmpty() && server.isPresent()) {
            try {
                ready(wanted, on.apply(server.get()), watch).ifPresent(problems::add);
            } catch (TransportException e) {
                problems.add("cannot ask k3s on " + server.get().name() + ": " + e.getMessage());
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private NodeCheck nodeCheck(TaskRunner.On on, Function<TaskRunner.On, NodeName> names) {
        Optional<String> problem = unitActive(on);
        return new NodeCheck(problem, problem.isPresent() ? new NodeName(Optional.empty(), "not read")
                : names.apply(on));
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

    /**
     * Polls {@code k3s kubectl get nodes} on the server until every node is Ready, or the timeout; a node k3s
     * does not list ends it at once. While nodes are not Ready yet, {@code watch} is told which, at the first poll
     * and then at most every {@link GateWatch#EVERY} (the time counted in polls, as the sleeper may not sleep).
     */
    Optional<String> ready(List<NodeReadiness.Wanted> nodes, TaskRunner.On server, GateWatch watch) {
        Command get = Command.of("k3s", "kubectl", "get", "nodes", "--no-headers");
        String last = "";
        long tries = Math.max(1, timeout.toMillis() / POLL.toMillis());
        Duration told = null;
        for (long i = 0; i < tries; i++) {
            Duration waited = POLL.multipliedBy(i);
            CommandResult r = server.steps().execute(server.transport(), server.host(), get);
            if (r.ok()) {
                NodeReadiness reading = NodeReadiness.of(nodes, r.stdout());
                if (reading instanceof NodeReadiness.Ready) {
                    return Optional.empty();
                }
                if (reading instanceof NodeReadiness.Missing m) {
                    return Optional.of(m.why());
                }
                last = ((NodeReadiness.Waiting) reading).why();
                if (told == null || waited.minus(told).compareTo(GateWatch.EVERY) >= 0) {
                    watch.waiting(last + " to be Ready", waited, timeout);
                    told = waited;
                }
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

    private static String failure(HostOutcome<?> o) {
        if (o instanceof HostOutcome.Failed<?> f) {
            return f.error().getMessage();
        }
        return o instanceof HostOutcome.Crashed<?> c ? String.valueOf(c.error()) : "";
    }
}
