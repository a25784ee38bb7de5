package dev.nodefix.inventory;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Composes a YAML file into snakeyaml-engine nodes (every node keeps its Mark) without resolving
 * scalars: untagged plain scalars get the {@link #PLAIN} tag, untagged quoted ones {@code !!str},
 * so {@link Yaml11Scalars} can resolve them the YAML 1.1 way. Syntax errors become
 * {@link InventoryException}s located at snakeyaml's problem mark.
 */
final class YamlDocument {
    /** Tag given to untagged plain scalars, left for YAML 1.1 resolution. */
    static final Tag PLAIN = new Tag("tag:nodefix.dev,2025:plain");

    private YamlDocument() {}

    /** The root node, empty for a file without a document. */
    static Optional<Node> compose(Path file, String label) {
        return compose(read(file, label), label);
    }

    /** The file's text; a missing, unreadable, oversized or non-UTF-8 file, or one that is not a file, is an error. */
    static String read(Path file, String label) {
        try {
            return InputFile.read(file, "inventory");
        } catch (InputException e) {
            throw new InventoryException(e.location(), e.reason());
        }
    }

    /** The root node of YAML text, empty for text without a document; over a {@link YamlLimits} limit is an error. */
    static Optional<Node> compose(String text, String label) {
        LoadSettings settings = YamlLimits.settings(label)
                .setSchema(new UnresolvedSchema())
                .setAllowDuplicateKeys(true)
                .build();
        try {
            return YamlLimits.compose(text, settings);
        } catch (InputException e) {
            throw new InventoryException(e.location(), e.reason());
        } catch (MarkedYamlEngineException e) {
            throw syntaxError(label, e);
        } catch (YamlEngineException e) {
            throw new InventoryException(new Location(label, 0, 0), "YAML error: " + e.getMessage());
        }
    }

    static Location location(String label, Optional<Mark> mark) {
        return mark.map(m -> new Location(label, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Location(label, 0, 0));
    }

    private static InventoryException syntaxError(String label, MarkedYamlEngineException e) {
        Optional<Mark> where = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
        StringBuilder message = new StringBuilder("YAML syntax error: ").append(e.getProblem());
        if (e.getContext() != null && e.getContextMark().isPresent()) {
            Location context = location(label, e.getContextMark());
            message.append(" (").append(e.getContext()).append(" at line ").append(context.line())
                    .append(", column ").append(context.column()).append(')');
        }
        return new InventoryException(location(label, where), message.toString());
    }

    /** Resolves nothing: plain scalars are tagged {@link #PLAIN}, everything else is a string. */
    private static final class UnresolvedSchema implements Schema {
        @Override
        public ScalarResolver getScalarResolver() {
            return (value, implicit) -> Boolean.TRUE.equals(implicit) ? PLAIN : Tag.STR;
        }

        @Override
        public Map<Tag, org.snakeyaml.engine.v2.api.ConstructNode> getSchemaTagConstructors() {
            return Map.of();
        }
    }
}
