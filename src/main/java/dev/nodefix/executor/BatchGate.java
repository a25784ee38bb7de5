package dev.nodefix.executor;

import dev.nodefix.engine.Connections;
import dev.nodefix.engine.TaskSteps;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.inventory.Host;
import dev.nodefix.module.HostContext;
import dev.nodefix.module.ModuleRegistry;
import dev.nodefix.query.FactsQuery;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link HealthGate} for a run of fixed changes (a rollback): after a batch changed its hosts, their k3s units
 * active and their nodes Ready on {@code server}, before the next batch starts. Node names are read from each node
 * the first time the gate needs them.
 */
public final class BatchGate {
    private final HealthGate gate;
    private final Connections connections;
    private final TaskSteps steps;
    private final Optional<Host> server;
    private final NodeNames names = new NodeNames();
    private final FactsQuery facts = FactsQuery.shipped();

    /**
     * @param steps the steps the run reads the nodes with (as for its node lock and journal)
     * @param server where k3s is asked about nodes: the first server of the run's hosts, else of the inventory
     */
    public BatchGate(ModuleRegistry registry, Duration timeout, int forks, Connections connections, TaskSteps steps,
                     Optional<Host> server) {
        this.gate = new HealthGate(registry, timeout, PlaybookRun.realSleeper(), forks);
        this.connections = connections;
        this.steps = steps;
        this.server = server;
    }

    /** Empty when the batch is healthy; otherwise what is not, one clause per problem. */
    public Optional<String> check(List<Host> batch) {
        return check(batch, GateWatch.NONE);
    }

    /** As {@link #check(List)}, telling {@code watch} while nodes are not Ready yet. */
    public Optional<String> check(List<Host> batch, GateWatch watch) {
        return gate.check(batch, this::on, server, this::nodeName, watch);
    }

    private TaskRunner.On on(Host host) {
        return new TaskRunner.On(host, new HostContext(host.name(), List.of()), connections.get(host), steps);
    }

    private dev.nodefix.fact.NodeName nodeName(TaskRunner.On on) {
        return names.of(on.host(), () -> {
            Map<dev.nodefix.query.Query, Object> cache = new HashMap<>();
            on.steps().read(on.transport(), on.host(), List.of(facts), cache);
            return (NodeFacts) cache.get(facts);
        });
    }
}
