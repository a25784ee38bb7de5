package dev.nodefix.inventory;

import dev.nodefix.vault.Vaulted;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns composed nodes into values the way Ansible's YAML loader does: YAML 1.1 scalars, {@code <<}
 * merge keys (explicit keys win, earlier merged mappings win over later ones), {@code !unsafe}, {@code !vault}
 * (kept encrypted as a {@link Vaulted});
 * duplicate keys are errors. Every error carries the node's location.
 */
final class YamlNodes {
    private static final Tag UNSAFE = new Tag("!unsafe");
    private static final Tag VAULT = new Tag("!vault");
    private static final String YAML_TAG = "tag:yaml.org,2002:";

    /** One key/value pair of a mapping after merge keys were applied. */
    record Entry(Object key, Node keyNode, Node valueNode, Location location) {}

    private final String label;
    private final Yaml11Scalars scalars = new Yaml11Scalars();

    YamlNodes(String label) {
        this.label = label;
    }

    Location location(Node node) {
        return YamlDocument.location(label, node.getStartMark());
    }

    InventoryException error(Node node, String message) {
        return new InventoryException(location(node), message);
    }

    /**
     * The pairs of a mapping as Python's dict holds them: merge keys expanded, one entry per key at the
     * position it first appeared, with the value that won. A key given twice explicitly is an error.
     */
    List<Entry> entries(MappingNode node) {
        List<Entry> merged = new ArrayList<>();
        List<Entry> explicit = new ArrayList<>();
        Map<Object, Entry> seen = new HashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (isMergeKey(keyNode)) {
                merged.addAll(mergedEntries(tuple.getValueNode()));
                continue;
            }
            Entry entry = new Entry(key(keyNode), keyNode, tuple.getValueNode(), location(keyNode));
            Entry first = seen.putIfAbsent(entry.key(), entry);
            if (first != null) {
                throw error(keyNode, "duplicate key '" + entry.key() + "' (first defined at line "
                        + first.location().line() + ", column " + first.location().column() + ")");
            }
            explicit.add(entry);
        }
        merged.addAll(explicit);
        Map<Object, Entry> byKey = new LinkedHashMap<>();
        merged.forEach(e -> byKey.put(e.key(), e));
        return List.copyOf(byKey.values());
    }

    private List<Entry> mergedEntries(Node value) {
        if (value instanceof MappingNode mapping) {
            return entries(mapping);
        }
        if (value instanceof SequenceNode sequence) {
            List<Entry> result = new ArrayList<>();
            List<Node> items = new ArrayList<>(sequence.getValue());
            Collections.reverse(items);
            for (Node item : items) {
                if (!(item instanceof MappingNode mapping)) {
                    throw error(item, "a merge key ('<<') takes a mapping or a list of mappings");
                }
                result.addAll(entries(mapping));
            }
            return result;
        }
        throw error(value, "a merge key ('<<') takes a mapping or a list of mappings");
    }

    private static boolean isMergeKey(Node key) {
        return key instanceof ScalarNode scalar
                && (scalar.getTag().equals(Tag.MERGE)
                        || scalar.getTag().equals(YamlDocument.PLAIN) && scalar.getValue().equals("<<"));
    }

    private Object key(Node keyNode) {
        if (!(keyNode instanceof ScalarNode)) {
            throw error(keyNode, "a mapping key must be a scalar, not " + describe(keyNode));
        }
        return value(keyNode);
    }

    /** The plain Java value of a node: Map, List, String, Boolean, Number, null, java.time, UnsafeText. */
    Object value(Node node) {
        if (node.isRecursive()) {
            throw error(node, "recursive YAML anchors are not supported");
        }
        if (node.getTag().equals(UNSAFE)) {
            return unsafe(plainValue(node, true));
        }
        if (node.getTag().equals(VAULT)) {
            if (!(node instanceof ScalarNode scalar)) {
                throw error(node, "a !vault value must be a string (the output of ansible-vault encrypt_string)");
            }
            return new Vaulted(scalar.getValue(), location(node));
        }
        return plainValue(node, false);
    }

    private Object plainValue(Node node, boolean unsafe) {
        if (node instanceof ScalarNode scalar) {
            return unsafe ? scalar.getValue() : scalar(scalar);
        } else if (node instanceof SequenceNode sequence) {
            checkCollectionTag(node, Tag.SEQ);
            List<Object> list = new ArrayList<>();
            sequence.getValue().forEach(item -> list.add(value(item)));
            return list;
        }
        checkCollectionTag(node, Tag.MAP);
        Map<Object, Object> map = new LinkedHashMap<>();
        entries((MappingNode) node).forEach(e -> map.put(e.key(), value(e.valueNode())));
        return map;
    }

    private void checkCollectionTag(Node node, Tag expected) {
        Tag tag = node.getTag();
        if (!tag.equals(expected) && !tag.equals(UNSAFE)) {
            throw unsupportedTag(node);
        }
    }

    private static Object unsafe(Object value) {
        if (value instanceof String s) {
            return new UnsafeText(s);
        } else if (value instanceof List<?> list) {
            return list.stream().map(YamlNodes::unsafe).toList();
        } else if (value instanceof Map<?, ?> map) {
            Map<Object, Object> wrapped = new LinkedHashMap<>();
            map.forEach((k, v) -> wrapped.put(k, unsafe(v)));
            return wrapped;
        }
        return value;
    }

    private Object scalar(ScalarNode node) {
        String text = node.getValue();
        String tag = node.getTag().getValue();
        try {
            if (node.getTag().equals(YamlDocument.PLAIN)) {
                return scalars.resolvePlain(text);
            }
            return switch (tag.startsWith(YAML_TAG) ? tag.substring(YAML_TAG.length()) : tag) {
                case "str" -> text;
                case "int" -> scalars.toInt(text);
                case "float" -> scalars.toFloat(text);
                case "bool" -> scalars.toBool(text);
                case "null" -> null;
                case "timestamp" -> scalars.toTimestamp(text);
                default -> throw unsupportedTag(node);
            };
        } catch (Yaml11Scalars.BadScalar e) {
            throw error(node, e.getMessage());
        }
    }

    private InventoryException unsupportedTag(Node node) {
        String tag = node.getTag().getValue();
        return error(node, "unsupported YAML tag '" + tag.replace(YAML_TAG, "!!") + "'");
    }

    /** For messages: "a list", "a mapping", "the string 'x'", "the integer 5". */
    String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        } else if (node instanceof MappingNode) {
            return "a mapping";
        }
        Object v = value(node);
        if (v == null) {
            return "nothing";
        }
        String kind = v instanceof Vaulted ? "vaulted string" : v instanceof String || v instanceof UnsafeText ? "string" : v instanceof Boolean ? "boolean"
                : v instanceof Double ? "float" : v instanceof Number ? "integer" : "date";
        return "the " + kind + " '" + ((ScalarNode) node).getValue() + "'";
    }
}
