package dev.nodefix.playbook;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Typed values of play and task keys; a wrong one is a problem at its node, and the value is then empty. */
final class Fields {
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div",
            "mod", "true", "false", "null", "new", "var", "let", "const", "if", "else", "for", "while", "do",
            "function", "return", "break", "continue", "empty", "size", "in", "import", "pragma", "switch", "case",
            "default", "try", "catch", "finally", "throw", "this", "NaN");
    private final PlaybookYaml yaml;

    Fields(PlaybookYaml yaml) {
        this.yaml = yaml;
    }

    Optional<String> text(String key, Node node) {
        Optional<String> t = PlaybookYaml.text(node).filter(s -> !s.isBlank());
        if (t.isEmpty()) {
            yaml.problem(node, key + ": expected text, got " + PlaybookYaml.describe(node));
        }
        return t;
    }

    /** on/off, true/false, yes/no, as module switches take them. */
    Optional<Boolean> switchValue(String key, Node node) {
        if (node instanceof ScalarNode s && (s.getTag().equals(Tag.BOOL) || s.getTag().equals(Tag.STR))) {
            switch (s.getValue().toLowerCase(Locale.ROOT)) {
                case "on", "true", "yes" -> {
                    return Optional.of(true);
                }
                case "off", "false", "no" -> {
                    return Optional.of(false);
                }
                default -> { }
            }
        }
        yaml.problem(node, key + ": expected on or off (true or false), got " + PlaybookYaml.describe(node));
        return Optional.empty();
    }

    Optional<Integer> wholeNumber(String key, Node node, int min, int max) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT) && yaml.value(node) instanceof Number n) {
            BigInteger v = new BigInteger(n.toString());
            if (v.compareTo(BigInteger.valueOf(min)) >= 0 && v.compareTo(BigInteger.valueOf(max)) <= 0) {
                return Optional.of(v.intValue());
            }
        }
        yaml.problem(node, key + ": expected a whole number from " + min + " to " + max + ", got "
                + PlaybookYaml.describe(node));
        return Optional.empty();
    }

    /** Seconds as a number (whole or not) from 0 to {@code max}. */
    Optional<Double> seconds(String key, Node node, int max) {
        if (node instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))
                && yaml.value(node) instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= max) {
            return Optional.of(n.doubleValue());
        }
        yaml.problem(node, key + ": expected seconds from 0 to " + max + ", got " + PlaybookYaml.describe(node));
        return Optional.empty();
    }

    /** One text or a list of texts, each with its node. */
    List<Node> textNodes(String key, Node node) {
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        List<Node> out = new ArrayList<>();
        for (Node item : items) {
            if (PlaybookYaml.text(item).filter(s -> !s.isBlank()).isPresent()) {
                out.add(item);
            } else {
                yaml.problem(item, key + ": expected text or a list of texts, got " + PlaybookYaml.describe(item));
            }
        }
        return out;
    }

    /** Conditions: one expression, a switch ({@code changed_when: false}) or a list of those, each with its node. */
    List<Node> conditionNodes(String key, Node node) {
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        List<Node> out = new ArrayList<>();
        for (Node item : items) {
            if (item instanceof ScalarNode s && (s.getTag().equals(Tag.STR) || s.getTag().equals(Tag.BOOL))) {
                out.add(item);
            } else {
                yaml.problem(item, key + ": expected an expression or a list of them, got "
                        + PlaybookYaml.describe(item));
            }
        }
        return out;
    }

    /** A name for a variable or a registered result: an identifier expressions can read, not a built-in. */
    boolean variableName(String key, String name, Node node) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            yaml.problem(node, key + ": '" + name + "' is not a variable name (letters, digits and _, not starting"
                    + " with a digit)");
            return false;
        }
        if (Scope.BUILTIN.contains(name) || RESERVED.contains(name)) {
            yaml.problem(node, key + ": '" + name + "' is reserved" + (Scope.BUILTIN.contains(name)
                    ? " (built in: " + String.join(", ", Scope.BUILTIN) + ")" : " in expressions"));
            return false;
        }
        return true;
    }
}
