package dev.nodefix.query;

import dev.nodefix.fact.CollectorScript;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.transport.Command;
import java.util.Objects;

/**
 * The node's facts: the collector ({@link CollectorScript}) told about the peer node addresses (IP addresses;
 * others are dropped, as the collector only takes IPs) run by a nested {@code /bin/sh -c}, parsed into
 * {@link NodeFacts}. Expressions see them as
 * {@link dev.nodefix.fact.PlainData}: the facts {@code facts --json} prints for one host, under the fact model's
 * (camelCase) names where the JSON document has snake_case ones.
 */
public record FactsQuery(CollectorScript collector, java.util.List<String> peers) implements Query {
    private static final java.util.regex.Pattern IP = java.util.regex.Pattern.compile("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    public FactsQuery {
        Objects.requireNonNull(collector, "collector");
        peers = peers.stream().filter(p -> IP.matcher(p).matches()).distinct().toList();
    }

    public FactsQuery(CollectorScript collector) {
        this(collector, java.util.List.of());
    }

    /** The collector nodefix ships, without peers. */
    public static FactsQuery shipped() {
        return new FactsQuery(CollectorScript.load());
    }

    /** The same collector, told about these peer node addresses (for the peer-routes facts). */
    public FactsQuery withPeers(java.util.List<String> addresses) {
        return new FactsQuery(collector, addresses);
    }

    @Override
    public String script() {
        StringBuilder args = new StringBuilder();
        peers.forEach(p -> args.append(' ').append(Command.quote(p)));
        return "/bin/sh -c " + Command.quote(collector.text()) + " nodefix-collector" + args + " </dev/null";
    }

    @Override
    public NodeFacts parse(String output, int exitCode) {
        if (!output.contains("@@nodefix:section ")) {
            throw new StateException("the fact collector printed no sections (exit " + exitCode + "): "
                    + output.strip().lines().limit(3).reduce((a, b) -> a + " / " + b).orElse(""));
        }
        return NodeFacts.parse(output);
    }

    /** The facts read in {@code state} (by this query, with whichever peers it was given). */
    public NodeFacts in(NodeState state) {
        return state.values().values().stream().filter(NodeFacts.class::isInstance).map(NodeFacts.class::cast)
                .findFirst().orElseGet(() -> QueryValues.get(state, this, NodeFacts.class));
    }

    @Override
    public String toString() {
        return "FactsQuery[collector, peers " + peers + "]";
    }
}
