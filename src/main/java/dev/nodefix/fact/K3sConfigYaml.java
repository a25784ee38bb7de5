package dev.nodefix.fact;

import dev.nodefix.inventory.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One k3s config file's top-level keys in order, each with its line, as k3s reads them (gopkg.in/yaml.v2 into a
 * {@code MapSlice}): a key ending in {@code +} appends to the value before it; a plain scalar YAML 1.1 reads as a
 * boolean ({@code yes}, {@code on}, ...) reaches the flag as {@code true} or {@code false}; a list is the flag
 * repeated. Empty when the text is not a YAML mapping (k3s then refuses to start).
 */
record K3sConfigYaml(List<Entry> entries) {
    /** A top-level key: its name without {@code +}, its values (one for a scalar), its line in the file. */
    record Entry(String key, boolean append, List<String> values, int line) {}

    private static final List<String> TRUE = List.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True",
            "TRUE");
    private static final List<String> FALSE = List.of("n", "N", "no", "No", "NO", "off", "Off", "OFF", "false",
            "False", "FALSE");

    K3sConfigYaml {
        entries = List.copyOf(entries);
    }

    /** The file's entries; empty (not a mapping, or not YAML) when k3s could not read it. */
    static Optional<K3sConfigYaml> parse(String text) {
        Optional<Node> root;
        try {
            root = YamlLimits.compose(text, YamlLimits.settings("k3s config").build());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (root.isEmpty()) {
            return Optional.of(new K3sConfigYaml(List.of())); // an empty file sets nothing
        }
        if (!(root.get() instanceof MappingNode map)) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                continue;
            }
            String key = k.getValue();
            boolean append = key.endsWith("+");
            int line = k.getStartMark().map(m -> m.getLine() + 1).orElse(0);
            entries.add(new Entry(append ? key.substring(0, key.length() - 1) : key, append,
                    values(t.getValueNode()), line));
        }
        return Optional.of(new K3sConfigYaml(entries));
    }

    private static List<String> values(Node node) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue().stream().filter(ScalarNode.class::isInstance).map(n -> scalar((ScalarNode) n))
                    .toList();
        }
        return node instanceof ScalarNode s ? List.of(scalar(s)) : List.of("");
    }

    private static String scalar(ScalarNode s) {
        String v = s.getValue();
        if (s.getScalarStyle() != ScalarStyle.PLAIN) {
            return v;
        }
        if (TRUE.contains(v)) {
            return "true";
        }
        if (FALSE.contains(v)) {
            return "false";
        }
        return v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL") ? "" : v;
    }
}
