package dev.nodefix.playbook;

import dev.nodefix.inventory.InputException;
import dev.nodefix.inventory.InputFile;
import dev.nodefix.inventory.Location;
import dev.nodefix.inventory.YamlLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A playbook file as snakeyaml-engine nodes, each with its mark, resolved with the YAML 1.2 core schema
 * ({@code off} and {@code yes} stay text, {@code true}/{@code false} are switches), and the plain values of
 * nodes. Problems (duplicate keys, non-text keys, unsupported tags) go to {@link Problems} with their location.
 */
final class PlaybookYaml {
    /** One key/value pair of a mapping with a text key. */
    record Entry(String key, Node keyNode, Node valueNode) {}

    private static final List<Tag> CORE_TAGS = List.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);
    private final String label;
    private final Problems problems;
    private final LoadSettings settings;

    PlaybookYaml(String label, Problems problems) {
        this.label = label;
        this.problems = problems;
        this.settings = YamlLimits.settings(label).setSchema(new CoreSchema()).setAllowDuplicateKeys(true).build();
    }

    /** The root node, empty for a file without a document; unreadable files, syntax errors and limits throw. */
    Optional<Node> compose(Path file) {
        try {
            return YamlLimits.compose(InputFile.read(file, "playbook"), settings);
        } catch (InputException e) {
            throw new PlaybookException(e.location(), e.reason());
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> where = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            throw new PlaybookException(location(where), "YAML syntax error: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new PlaybookException(new Location(label, 0, 0), "YAML error: " + e.getMessage());
        }
    }

    Location location(Node node) {
        return location(node.getStartMark());
    }

    private Location location(Optional<Mark> mark) {
        return mark.map(m -> new Location(label, m.getLine() + 1, m.getColumn() + 1)).orElse(new Location(label, 0, 0));
    }

    void problem(Node node, String message) {
        problems.add(location(node), message);
    }

    /** The entries of a mapping; a duplicate key is a problem (the first one is kept), so is a key that is not text. */
    List<Entry> entries(MappingNode node) {
        List<Entry> out = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar) || !(scalar.getTag().equals(Tag.STR))) {
                problem(keyNode, "a key must be text, not " + describe(keyNode));
                continue;
            }
            String key = scalar.getValue();
            Node first = seen.putIfAbsent(key, keyNode);
            if (first != null) {
                Location at = location(first);
                problem(keyNode, "duplicate key '" + key + "' (first at line " + at.line() + ", column "
                        + at.column() + ")");
                continue;
            }
            out.add(new Entry(key, keyNode, tuple.getValueNode()));
        }
        return out;
    }

    /** The plain value of a node: unmodifiable Map (text keys) and List, String, Boolean, Number or null. */
    Object value(Node node) {
        if (node.isRecursive()) {
            problem(node, "recursive YAML anchors are not supported");
            return null;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            sequence.getValue().forEach(item -> list.add(value(item)));
            return Collections.unmodifiableList(list);
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            entries(mapping).forEach(e -> map.put(e.key(), value(e.valueNode())));
            return Collections.unmodifiableMap(map);
        }
        return scalar((ScalarNode) node);
    }

    private Object scalar(ScalarNode node) {
        Tag tag = node.getTag();
        if (!CORE_TAGS.contains(tag)) {
            problem(node, "unsupported YAML tag '" + shortTag(tag) + "'");
            return node.getValue();
        }
        try {
            return new StandardConstructor(settings).constructSingleDocument(Optional.of(node));
        } catch (YamlEngineException e) {
            problem(node, "bad " + tag.getValue().replace("tag:yaml.org,2002:", "") + ": '" + node.getValue() + "'");
            return node.getValue();
        }
    }

    /** Whether the node is a scalar with a tag the YAML 1.2 core schema knows. */
    static boolean coreScalar(Node node) {
        return node instanceof ScalarNode && CORE_TAGS.contains(node.getTag());
    }

    private static String shortTag(Tag tag) {
        return tag.getValue().replace("tag:yaml.org,2002:", "!!");
    }

    /** Text, if the node is a text scalar. */
    static Optional<String> text(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.STR) ? Optional.of(s.getValue()) : Optional.empty();
    }

    /** For messages: "a list", "a mapping", "nothing", "the integer 5", "the string 'x'". */
    static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        ScalarNode s = (ScalarNode) node;
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return "nothing";
        }
        if (!CORE_TAGS.contains(tag)) {
            return "a value tagged '" + shortTag(tag) + "'";
        }
        if (tag.equals(Tag.STR) && s.getValue().isEmpty()) {
            return "empty text";
        }
        String kind = tag.equals(Tag.INT) ? "integer" : tag.equals(Tag.FLOAT) ? "number" : tag.equals(Tag.BOOL)
                ? "switch" : "text";
        String value = s.getValue().contains("\n") ? s.getValue().substring(0, s.getValue().indexOf('\n')) + "..."
                : s.getValue();
        return kind + " '" + value + "'";
    }
}
