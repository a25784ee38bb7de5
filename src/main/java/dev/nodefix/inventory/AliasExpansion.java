package dev.nodefix.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * What a composed YAML document becomes once its aliases are expanded, measured without expanding it: an alias is
 * the anchored node itself, so a few aliases of aliases ("billion laughs") can stand for billions of values, an
 * alias chain can nest deeper than the text shows, and an anchor can contain itself. Each node is measured once
 * (its expanded size and depth are remembered), and the walk never goes deeper than {@link YamlLimits#MAX_DEPTH}.
 */
final class AliasExpansion {
    private final String label;
    /** Expanded size and height (levels below and including the node) of each node measured. */
    private final Map<Node, long[]> measured = new IdentityHashMap<>();
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    AliasExpansion(String label) {
        this.label = label;
    }

    /** Refuses the document if it is recursive, nests too deep or expands to too many values. */
    void check(Node root) {
        size(root, 0);
    }

    /**
     * The node's expanded size; {@code above} counts the mappings and sequences around it. Its height counts the
     * levels of mappings and sequences from it down (0 for a scalar), as {@link LimitedEvents} counts them.
     */
    private long size(Node node, int above) {
        long[] known = measured.get(node);
        if (known != null) {
            checkDepth(node, above + known[1]);
            return known[0];
        }
        if (!open.add(node)) {
            throw new InputException(where(node), "recursive YAML anchor: this value contains itself");
        }
        List<Node> children = children(node);
        boolean collection = !(node instanceof ScalarNode);
        checkDepth(node, above + (collection ? 1 : 0));
        long size = 1;
        long height = 0;
        for (Node child : children) {
            size += size(child, above + 1);
            height = Math.max(height, measured.get(child)[1]);
        }
        if (size > YamlLimits.MAX_VALUES) {
            throw new InputException(where(node), "this YAML value expands to more than " + YamlLimits.MAX_VALUES
                    + " values through its aliases");
        }
        open.remove(node);
        measured.put(node, new long[] {size, collection ? height + 1 : 0});
        return size;
    }

    private void checkDepth(Node node, long depth) {
        if (depth > YamlLimits.MAX_DEPTH) {
            throw new InputException(where(node), "YAML nested more than " + YamlLimits.MAX_DEPTH
                    + " levels deep once its aliases are expanded");
        }
    }

    private static List<Node> children(Node node) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        if (node instanceof MappingNode mapping) {
            List<Node> out = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                out.add(tuple.getKeyNode());
                out.add(tuple.getValueNode());
            }
            return out;
        }
        return List.of();
    }

    private Location where(Node node) {
        return LimitedEvents.at(label, node.getStartMark());
    }
}
