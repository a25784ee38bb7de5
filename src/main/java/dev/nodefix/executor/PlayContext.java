package dev.nodefix.executor;

import dev.nodefix.engine.BecomeRule;
import dev.nodefix.engine.Connections;
import dev.nodefix.engine.FanOut;
import dev.nodefix.engine.HostOutcome;
import dev.nodefix.engine.TaskSteps;
import dev.nodefix.engine.WaitTicker;
import dev.nodefix.engine.WaitWatch;
import dev.nodefix.expr.Expressions;
import dev.nodefix.fact.FactKeys;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.NodeName;
import dev.nodefix.fact.PlainData;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.InventoryException;
import dev.nodefix.inventory.Role;
import dev.nodefix.module.HostContext;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.PlayTask;
import dev.nodefix.playbook.Playbook;
import dev.nodefix.query.FactsQuery;
import dev.nodefix.query.Query;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the plan and the run of one playbook share: the playbook, the hosts, the options, the connections,
 * the steps with and without sudo, each task's number in the whole playbook, and the small decisions both
 * make the same way (which hosts a play selects, which tasks the tags keep, where a task runs).
 */
final class PlayContext {
    final Playbook book;
    final Inventory inventory;
    final List<Host> selected;
    final PlayOptions options;
    final Connections connections;
    final FanOut fanOut;
    final TaskSteps asIs;
    final TaskSteps escalated;
    final TaskRunner runner;
    final Expressions expressions;
    final Batching batching;
    final Map<PlayTask, Integer> numbers = new IdentityHashMap<>();
    private final FactsQuery facts = FactsQuery.shipped();
    /** One for the run: the facts under their snake_case keys (as {@code facts --json}), record classes looked up once. */
    private final PlainData plain = new PlainData(FactKeys::snake);
    private final NodeNames nodeNames = new NodeNames();
    /** The events of the pass under way (the plan's, then the run's): told of the waits on the nodes. */
    private volatile PlayEvents events = PlayEvents.NONE;
    /** Each play's hosts, selected once here: never again per host from the fan-out's threads. */
    private final Map<Play, List<Host>> playHosts = new IdentityHashMap<>();

    PlayContext(Playbook book, Inventory inventory, List<Host> selected, PlayOptions options, Connections connections,
                int forks, BecomeRule become, boolean breakLock, Expressions expressions, TaskRunner runner,
                Batching batching) {
        this.book = book;
        this.inventory = inventory;
        this.selected = List.copyOf(selected);
        this.options = options;
        this.connections = connections;
        this.fanOut = new FanOut(forks);
        this.expressions = expressions;
        WaitWatch watch = (what, waited, limit) -> events.waiting(what, waited, limit);
        this.asIs = new TaskSteps(become, breakLock, expressions, WaitTicker.real(), watch);
        this.escalated = new TaskSteps(become.forced(), breakLock, expressions, WaitTicker.real(), watch);
        this.runner = runner;
        this.batching = batching;
        int n = 0;
        for (Play play : book.plays()) {
            playHosts.put(play, playHosts(inventory, this.selected, play));
            for (PlayTask t : play.tasks()) {
                numbers.put(t, ++n);
            }
            for (PlayTask h : play.handlers()) {
                numbers.put(h, ++n);
            }
        }
    }

    /** Every host any play selects, in inventory order. */
    List<Host> hosts() {
        Set<String> in = new LinkedHashSet<>();
        for (Play play : book.plays()) {
            playHosts(play).forEach(h -> in.add(h.name()));
        }
        return selected.stream().filter(h -> in.contains(h.name())).toList();
    }

    List<Host> playHosts(Play play) {
        return playHosts.get(play);
    }

    /**
     * The hosts of {@code selected} that the play's pattern matches, in their order: none when the pattern
     * matches no host (Ansible skips such a play). Any other failure of the pattern (a {@code ~regex} over its
     * budget) is the run's error, never a silent "not in this play".
     */
    static List<Host> playHosts(Inventory inventory, List<Host> selected, Play play) {
        List<Host> matched;
        try {
            matched = inventory.select(play.hosts());
        } catch (InventoryException e) {
            if (e.selectedNothing()) {
                return List.of();
            }
            throw e;
        }
        Set<String> names = new java.util.HashSet<>();
        matched.forEach(h -> names.add(h.name()));
        return selected.stream().filter(h -> names.contains(h.name())).toList();
    }

    List<PlayTask> tasks(Play play) {
        return play.tasks().stream().filter(options::selects).toList();
    }

    /** The play's handlers notified by name, in the order they are defined. */
    static List<PlayTask> handlers(Play play, Set<String> notified) {
        return play.handlers().stream().filter(h -> notified.contains(h.name())).toList();
    }

    Object gather(Transport t, Host host, TaskSteps steps) {
        return gather(t, host, steps, new HashMap<>());
    }

    /** The host's facts as plain data (the cache keeps them for an assert that reads the same). */
    Object gather(Transport t, Host host, TaskSteps steps, Map<Query, Object> cache) {
        return plain.plain(facts(t, host, steps, gathered(host), cache));
    }

    /** What a play gathers on the host: the facts with the host's peers (for the peer-routes facts). */
    FactsQuery gathered(Host host) {
        return facts.withPeers(context(host).peers());
    }

    /** The node's Kubernetes name: from the facts a play gathered on it, else read now (without peer routes). */
    NodeName nodeName(TaskRunner.On on) {
        return nodeNames.of(on.host(), () -> facts(on.transport(), on.host(), on.steps(), facts, new HashMap<>()));
    }

    private NodeFacts facts(Transport t, Host host, TaskSteps steps, FactsQuery q, Map<Query, Object> cache) {
        steps.read(t, host, List.of(q), cache);
        NodeFacts read = (NodeFacts) cache.get(q);
        nodeNames.learn(host, read);
        return read;
    }

    /** The pass that starts tells its events (a wait on a node goes to them). */
    void tell(PlayEvents now) {
        this.events = now;
    }

    /** The events of the pass under way. */
    PlayEvents events() {
        return events;
    }

    TaskRunner.On on(Host host, Transport t, Play play, PlayTask task) {
        boolean become = task == null ? play.become().orElse(false)
                : task.become().or(play::become).orElse(false);
        return new TaskRunner.On(host, context(host), t, become ? escalated : asIs);
    }

    /**
     * The steps for the node lock, the node journal and the health gate: escalated when any play or task of the
     * playbook is (they live under /var/lib/nodefix and read k3s's kubeconfig).
     */
    TaskSteps lockSteps() {
        return book.plays().stream().anyMatch(p -> hostSteps(p) == escalated) ? escalated : asIs;
    }

    /** The steps for what concerns the whole host (lock, facts): escalated when any task of the play is. */
    TaskSteps hostSteps(Play play) {
        boolean any = play.become().orElse(false) || play.tasks().stream().anyMatch(t -> t.become().orElse(false))
                || play.handlers().stream().anyMatch(t -> t.become().orElse(false));
        return any ? escalated : asIs;
    }

    /** The host among the inventory's nodes: every other host's address is a peer (for the L2 preflight). */
    HostContext context(Host host) {
        return new HostContext(host.name(), inventory.hosts().values().stream()
                .filter(h -> !h.name().equals(host.name()))
                .map(h -> h.connection().address()).distinct().toList());
    }

    /** The first server of the selected hosts, else of the inventory: where the gate asks k3s about nodes. */
    Optional<Host> server() {
        return selected.stream().filter(h -> h.role() == Role.SERVER).findFirst()
                .or(() -> inventory.hosts().values().stream().filter(h -> h.role() == Role.SERVER).findFirst());
    }

    static TaskLine hostLine(int p, Host host, RuntimeException e) {
        boolean unreachable = e instanceof TransportException te && te.failure().unreachable();
        return new TaskLine(p, 0, unreachable ? "connect" : "read state", host.name(),
                unreachable ? TaskLine.Status.UNREACHABLE : TaskLine.Status.FAILED, false, false, e.getMessage(),
                List.of(), List.of());
    }

    static TaskLine crashLine(HostOutcome<?> o) {
        return crashLine(o, 0, "plan");
    }

    static TaskLine crashLine(HostOutcome<?> o, int play, String title) {
        String why = o instanceof HostOutcome.Failed<?> f ? f.error().getMessage()
                : o instanceof HostOutcome.Crashed<?> c ? "internal error: " + c.error() : "";
        boolean unreachable = o instanceof HostOutcome.Failed<?> f && f.error().failure().unreachable();
        return new TaskLine(play, 0, title, o.host().name(), unreachable ? TaskLine.Status.UNREACHABLE
                : TaskLine.Status.FAILED, false, false, why, List.of(), List.of());
    }
}
