package dev.nodefix.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.LoadSettingsBuilder;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The one way nodefix composes YAML, wherever it comes from (playbooks, inventories, group_vars and host_vars,
 * {@code -e}, files read from nodes): text of at most {@link #MAX_CODE_POINTS}, nesting at most {@link #MAX_DEPTH}
 * levels deep, at most {@link #MAX_ALIASES} aliases, and at most {@link #MAX_VALUES} values once aliases are
 * expanded, with no anchor that contains itself. A document over a limit is refused with an {@link InputException}
 * at the place it went over, before any value is built from it. Syntax errors stay snakeyaml-engine's exceptions,
 * for each reader to word.
 */
public final class YamlLimits {
    /** Nesting levels of mappings and sequences; real playbooks and inventories use fewer than 20. */
    public static final int MAX_DEPTH = 100;
    /** Aliases ({@code *name}) in one document. */
    public static final int MAX_ALIASES = 1000;
    /** Values (scalars, mappings, sequences) in one document once every alias is expanded. */
    public static final int MAX_VALUES = 1_000_000;
    /** Characters in one YAML text: the same bound as {@link InputFile#MAX_BYTES}. */
    public static final int MAX_CODE_POINTS = (int) InputFile.MAX_BYTES;

    private YamlLimits() {}

    /** Settings with the limits snakeyaml-engine itself enforces; add the schema and tags, then build. */
    public static LoadSettingsBuilder settings(String label) {
        return LoadSettings.builder().setLabel(label).setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS).setAllowRecursiveKeys(false);
    }

    /** The root node of the first document, empty for text without one; a second document is an error. */
    public static Optional<Node> compose(String text, LoadSettings settings) {
        checkLength(text, settings.getLabel());
        Optional<Node> root = composer(text, settings).getSingleNode();
        root.ifPresent(node -> new AliasExpansion(settings.getLabel()).check(node));
        return root;
    }

    /** The root node of every document in the text. */
    public static List<Node> composeAll(String text, LoadSettings settings) {
        checkLength(text, settings.getLabel());
        List<Node> documents = new ArrayList<>();
        composer(text, settings).forEachRemaining(node -> {
            new AliasExpansion(settings.getLabel()).check(node);
            documents.add(node);
        });
        return documents;
    }

    private static Composer composer(String text, LoadSettings settings) {
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        return new Composer(settings, new LimitedEvents(parser, settings.getLabel()));
    }

    /** Checked before parsing: parsing a long text takes longer than its length. */
    private static void checkLength(String text, String label) {
        if (text.length() > MAX_CODE_POINTS) {
            throw new InputException(new Location(label, 0, 0), "the YAML text is " + text.length()
                    + " characters; nodefix reads YAML of at most " + MAX_CODE_POINTS + " characters (2 MiB)");
        }
    }
}
