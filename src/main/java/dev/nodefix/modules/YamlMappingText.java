package dev.nodefix.modules;

import dev.nodefix.inventory.InputException;
import dev.nodefix.inventory.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The text of a YAML file whose document is one block mapping (a k3s config.yaml), edited one top-level entry
 * at a time by splicing text: every byte outside the entry (comments, blank lines, other keys, their quoting)
 * stays as it was. Where an entry ends comes from snakeyaml-engine's node marks.
 */
final class YamlMappingText {
    private static final Pattern DOCUMENT_END = Pattern.compile("(?m)^\\.\\.\\.[ \\t\\r]*$");

    /**
     * A top-level entry: chars [lineStart or keyStart, end) of the text, the key as written, the value as text(s).
     * {@code aliased}: the value is or ends in an alias ({@code *name}), whose marks point elsewhere, so the entry's
     * extent is unknown and it must not be edited.
     */
    record Entry(String key, int line, int lineStart, int keyStart, String keyText, int end, String tailComment,
                 Optional<Object> value, boolean aliased) {
        /** Whether the entry's text runs to a line break (the file's last entry may not). */
        boolean endsLine(String text) {
            return end > 0 && text.charAt(end - 1) == '\n';
        }
    }

    /** Why a text cannot be edited this way (not a mapping, a flow mapping, several documents, not YAML). */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }

    private final String text;
    private final String newline;
    private final int indent;
    private final List<Entry> entries;

    private YamlMappingText(String text, int indent, List<Entry> entries) {
        this.text = text;
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
        this.indent = indent;
        this.entries = List.copyOf(entries);
    }

    static YamlMappingText parse(String text) throws Unsupported {
        List<Node> documents = new ArrayList<>();
        try {
            documents.addAll(YamlLimits.composeAll(text, YamlLimits.settings("k3s config").build()));
        } catch (InputException e) {
            throw new Unsupported("is not YAML nodefix will read: " + e.reason());
        } catch (YamlEngineException e) {
            throw new Unsupported("is not valid YAML: " + e.getMessage().lines().findFirst().orElse("").strip());
        }
        if (documents.size() > 1) {
            throw new Unsupported("holds " + documents.size() + " YAML documents, not one mapping");
        }
        if (DOCUMENT_END.matcher(text).find()) {
            throw new Unsupported("has a document end marker (...); nodefix edits plain single-document files only");
        }
        Node root = documents.isEmpty() ? null : documents.get(0);
        if (root == null || root instanceof ScalarNode s && s.getTag().equals(Tag.NULL) && s.getValue().isEmpty()) {
            return new YamlMappingText(text, 0, List.of());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new Unsupported("is not a YAML mapping (its document is a " + kind(root) + ")");
        }
        if (mapping.getFlowStyle() == FlowStyle.FLOW) {
            throw new Unsupported("is a flow mapping ({...}); nodefix edits block mappings (key: value lines) only");
        }
        YamlMappingText scan = new YamlMappingText(text, 0, List.of());
        List<Entry> entries = mapping.getValue().stream().map(scan::entry).toList();
        int indent = entries.isEmpty() ? 0 : entries.get(0).keyStart() - entries.get(0).lineStart();
        return new YamlMappingText(text, indent, entries);
    }

    List<Entry> entries(String key) {
        return entries.stream().filter(e -> key.equals(e.key())).toList();
    }

    /** The text with {@code entry}'s value replaced (the key as written, its indentation and same-line comment kept). */
    String replace(Entry entry, Object value) {
        String rendered = render(entry.keyText(), value, entry.tailComment());
        if (!entry.endsLine(text)) {
            rendered = rendered.substring(0, rendered.length() - newline.length());
        }
        return text.substring(0, entry.keyStart()) + rendered + text.substring(entry.end());
    }

    /** The text with {@code key: value} added as the mapping's last entry, at the end of the file. */
    String append(String key, Object value) {
        String before = text.isEmpty() || text.endsWith("\n") ? text : text + newline;
        return before + " ".repeat(indent) + render(key, value, "");
    }

    /** The text without {@code entry}, its indentation and its line break. */
    String remove(Entry entry) {
        return text.substring(0, entry.lineStart()) + text.substring(entry.end());
    }

    /** A new file holding only {@code key: value}. */
    static String single(String key, Object value) {
        return new YamlMappingText("", 0, List.of()).render(key, value, "");
    }

    private String render(String key, Object value, String tailComment) {
        if (!(value instanceof List<?> list)) {
            return key + ": " + YamlScalar.render(value) + tailComment + newline;
        }
        if (list.isEmpty()) {
            return key + ": []" + tailComment + newline;
        }
        StringBuilder out = new StringBuilder(key + ":" + tailComment + newline);
        list.forEach(item -> out.append(" ".repeat(indent)).append("  - ").append(YamlScalar.render(item)).append(newline));
        return out.toString();
    }

    private Entry entry(NodeTuple tuple) {
        Node key = tuple.getKeyNode();
        int keyStart = at(key.getStartMark());
        int lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
        int keyEnd = at(key.getEndMark());
        Node leaf = lastLeaf(tuple.getValueNode());
        boolean aliased = at(tuple.getValueNode().getStartMark()) < keyEnd || at(leaf.getStartMark()) < keyEnd;
        int leafEnd = Math.max(keyEnd, at(leaf.getEndMark()));
        int end;
        String tail = "";
        if (leafEnd > keyStart && text.charAt(leafEnd - 1) == '\n') {
            end = withoutTrailingBlankLines(keyStart, leafEnd);
        } else {
            int nl = text.indexOf('\n', leafEnd);
            end = nl < 0 ? text.length() : nl + 1;
            String rest = text.substring(leafEnd, nl < 0 ? text.length() : nl).stripTrailing();
            boolean oneLine = text.indexOf('\n', keyStart) < 0 || text.indexOf('\n', keyStart) >= leafEnd;
            tail = oneLine && rest.strip().startsWith("#") ? rest : "";
        }
        String name = key instanceof ScalarNode s ? s.getValue() : null;
        int line = key.getStartMark().map(Mark::getLine).orElse(0) + 1;
        return new Entry(name, line, lineStart, keyStart, text.substring(keyStart, keyEnd), end, tail,
                valueOf(tuple.getValueNode()), aliased);
    }

    /** A block scalar's end mark takes in the blank lines after it: leave those out of the entry. */
    private int withoutTrailingBlankLines(int keyStart, int end) {
        int cut = end;
        while (true) {
            int lineStart = text.lastIndexOf('\n', cut - 2) + 1;
            if (lineStart <= keyStart || !text.substring(lineStart, cut).isBlank()) {
                return cut;
            }
            cut = lineStart;
        }
    }

    /** A block collection's end mark lies at the next key (after any comments): its last scalar ends the entry. */
    private static Node lastLeaf(Node node) {
        if (node instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.BLOCK && !c.getValue().isEmpty()) {
            Object last = c.getValue().get(c.getValue().size() - 1);
            return lastLeaf(last instanceof NodeTuple t ? t.getValueNode() : (Node) last);
        }
        return node;
    }

    /** A scalar's text, a list of scalars' texts, or empty for anything else (never equal to a wanted value). */
    private static Optional<Object> valueOf(Node node) {
        if (node instanceof ScalarNode s) {
            return Optional.of(s.getValue());
        }
        if (node instanceof SequenceNode seq && seq.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
            return Optional.of(seq.getValue().stream().map(n -> ((ScalarNode) n).getValue()).toList());
        }
        return Optional.empty();
    }

    /** Marks count code points; the text is indexed in chars. */
    private int at(Optional<Mark> mark) {
        int codePoints = mark.orElseThrow(() -> new IllegalStateException("node without a mark")).getIndex();
        return text.offsetByCodePoints(0, codePoints);
    }

    private static String kind(Node node) {
        return node instanceof SequenceNode ? "list" : "scalar";
    }
}
