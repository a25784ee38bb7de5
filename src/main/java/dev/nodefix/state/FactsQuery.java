package dev.nodefix.state;

import dev.nodefix.fact.CollectorScript;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.transport.Command;
import java.util.Objects;

/**
 * The node's facts: the collector ({@link CollectorScript}, no peers, so its peer-routes section is empty)
 * run by a nested {@code /bin/sh -c}, parsed into {@link NodeFacts}. Expressions see them as
 * {@link dev.nodefix.fact.PlainData}, as {@code facts --json} prints them for one host.
 */
public record FactsQuery(CollectorScript collector) implements Query {
    public FactsQuery {
        Objects.requireNonNull(collector, "collector");
    }

    /** The collector nodefix ships. */
    public static FactsQuery shipped() {
        return new FactsQuery(CollectorScript.load());
    }

    @Override
    public String script() {
        return "/bin/sh -c " + Command.quote(collector.text()) + " nodefix-collector </dev/null";
    }

    @Override
    public NodeFacts parse(String output, int exitCode) {
        if (!output.contains("@@nodefix:section ")) {
            throw new StateException("the fact collector printed no sections (exit " + exitCode + "): "
                    + output.strip().lines().limit(3).reduce((a, b) -> a + " / " + b).orElse(""));
        }
        return NodeFacts.parse(output);
    }

    /** This query's value in {@code state}. */
    public NodeFacts in(NodeState state) {
        return QueryValues.get(state, this, NodeFacts.class);
    }

    @Override
    public String toString() {
        return "FactsQuery[collector]";
    }
}
