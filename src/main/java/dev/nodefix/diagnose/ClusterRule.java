package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.List;
import java.util.Map;

/** A pure check across every host with facts; returns findings per host name. */
@FunctionalInterface
public interface ClusterRule {
    Map<String, List<Finding>> check(Map<String, NodeFacts> hosts);
}
