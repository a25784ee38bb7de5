package dev.nodefix.playbook;

import dev.nodefix.inventory.InputException;
import dev.nodefix.inventory.InputFile;
import dev.nodefix.inventory.Location;
import dev.nodefix.inventory.YamlLimits;
import dev.nodefix.inventory.ShellWords;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import dev.nodefix.vault.Vaulted;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The {@code -e} values of a play, read as ansible-playbook reads them ({@code load_extra_vars}) and merged in
 * the order given, a later value of a name replacing an earlier one (top-level, as Ansible's default
 * {@code hash_behaviour=replace}): {@code @FILE} a YAML (or JSON) file, relative to the working directory;
 * text starting with {@code {} or {@code [} inline YAML (a flow mapping or JSON object); anything else
 * {@code NAME=VALUE} words (quoted as in a shell), values as text. A value starting with {@code /} or {@code .}
 * is refused: a file is given with {@code @}. What is not a mapping of names is refused; a YAML error names
 * {@code file:line:col} (for an inline value, its place in that text). A {@code !vault} value is read as a
 * {@link Vaulted} and decrypted by {@link #decrypted} before the play sees it: a value given for this run is
 * meant to be read.
 */
public final class ExtraVars {
    private ExtraVars() {
    }

    /** The variables of every {@code -e}, in order; empty ones are skipped, as Ansible does. */
    public static Map<String, Object> parse(List<String> options) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (String option : options) {
            if (!option.isEmpty()) {
                vars.putAll(one(option));
            }
        }
        return vars;
    }

    /** The same variables with every {@code !vault} value, at any depth, decrypted by {@code unvault}. */
    public static Map<String, Object> decrypted(Map<String, Object> vars, Function<Vaulted, String> unvault) {
        Map<String, Object> out = new LinkedHashMap<>();
        vars.forEach((name, value) -> out.put(name, decrypt(value, unvault)));
        return out;
    }

    private static Object decrypt(Object value, Function<Vaulted, String> unvault) {
        if (value instanceof Vaulted vaulted) {
            return unvault.apply(vaulted);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, decrypt(v, unvault)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> decrypt(v, unvault)).toList();
        }
        return value;
    }

    private static Map<String, Object> one(String option) {
        String label = "-e '" + option + "'";
        if (option.startsWith("@")) {
            Path file = Path.of(option.substring(1));
            return mapping(yaml(read(file), file.toString()), new Location(file.toString(), 0, 0));
        }
        if (option.startsWith("/") || option.startsWith(".")) {
            throw new PlaybookException(new Location(label, 0, 0), "a file of variables is given with @ (-e @"
                    + option + ")");
        }
        if (option.startsWith("{") || option.startsWith("[")) {
            return mapping(yaml(option, label), new Location(label, 0, 0));
        }
        return pairs(option, label);
    }

    private static String read(Path file) {
        try {
            return InputFile.read(file, "vars");
        } catch (InputException e) {
            throw new PlaybookException(e.location(), e.reason() + " (-e @" + file + ")");
        }
    }

    private static Object yaml(String text, String where) {
        ConstructNode vaulted = node -> new Vaulted(node instanceof ScalarNode scalar ? scalar.getValue() : "",
                node.getStartMark().map(m -> new Location(where, m.getLine() + 1, m.getColumn() + 1))
                        .orElse(new Location(where, 0, 0)));
        LoadSettings settings = YamlLimits.settings(where).setAllowDuplicateKeys(true)
                .setTagConstructors(Map.of(new Tag("!vault"), vaulted)).build();
        try {
            return new StandardConstructor(settings).constructSingleDocument(YamlLimits.compose(text, settings));
        } catch (InputException e) {
            throw new PlaybookException(e.location(), e.reason());
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            Location at = mark.map(m -> new Location(where, m.getLine() + 1, m.getColumn() + 1))
                    .orElse(new Location(where, 0, 0));
            throw new PlaybookException(at, "YAML error: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new PlaybookException(new Location(where, 0, 0), "YAML error: " + e.getMessage());
        }
    }

    private static Map<String, Object> mapping(Object doc, Location where) {
        if (!(doc instanceof Map<?, ?> map)) {
            throw new PlaybookException(where, "extra vars are a mapping of names to values, got "
                    + (doc == null ? "nothing" : doc instanceof List ? "a list" : "a " + doc.getClass().getSimpleName()
                    .toLowerCase(java.util.Locale.ROOT)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** {@code NAME=VALUE} words, as Ansible's {@code parse_kv}: split as a shell would, values as text. */
    private static Map<String, Object> pairs(String option, String label) {
        List<String> words;
        try {
            words = ShellWords.split(option);
        } catch (RuntimeException e) {
            throw new PlaybookException(new Location(label, 0, 0), e.getMessage().replace(" in ssh arguments", ""));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new PlaybookException(new Location(label, 0, 0), "expected NAME=VALUE, @FILE or {...}, got '"
                        + word + "'");
            }
            out.put(word.substring(0, eq).strip(), word.substring(eq + 1));
        }
        return out;
    }
}
