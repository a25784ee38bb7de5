package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.List;

/** A pure check over one host's facts: no finding means the rule does not apply. */
@FunctionalInterface
public interface Rule {
    List<Finding> check(NodeFacts facts);
}
