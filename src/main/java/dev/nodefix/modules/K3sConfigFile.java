package dev.nodefix.modules;

import dev.nodefix.inventory.YamlLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;

/**
 * k3s's {@code config.yaml} as text: the {@code flannel-backend} key is found on its line and its value is
 * rewritten by splicing (or a line is appended), so comments, order and formatting of everything else stay
 * byte for byte. A YAML parser is the authority on what the file means: the value found by hand must be the
 * one it reads, and the edited file must mean the same as before except for that key, or nothing is edited.
 */
final class K3sConfigFile {
    static final String KEY = "flannel-backend";
    /** A top-level {@code flannel-backend:} line: group 1 is everything after the colon (up to CR/LF). */
    private static final Pattern LINE = Pattern.compile("(?m)^" + KEY + "[ \t]*:([^\r\n]*)");

    private final String path;
    private final String text;
    private final Map<Object, Object> doc;
    /** Where the value is in {@link #text}: {@code [start, end)}; empty when the key is not set. */
    private final Optional<int[]> span;

    private K3sConfigFile(String path, String text, Map<Object, Object> doc, Optional<int[]> span) {
        this.path = path;
        this.text = text;
        this.doc = doc;
        this.span = span;
    }

    /** {@code text} is the file's content, "" for a file that does not exist. */
    static K3sConfigFile parse(String path, String text) {
        Map<Object, Object> doc = load(path, text);
        if (!doc.containsKey(KEY)) {
            return new K3sConfigFile(path, text, doc, Optional.empty());
        }
        Object value = doc.get(KEY);
        if (value == null || value instanceof Map || value instanceof Iterable) {
            throw new K3sEditException(KEY + " in " + path + " is " + (value == null ? "empty" : "not a single value")
                    + "; nodefix only rewrites `" + KEY + ": VALUE`: edit it by hand");
        }
        int[] span = valueSpan(path, text);
        if (!text.substring(span[0], span[1]).equals(String.valueOf(value))) {
            throw new K3sEditException(KEY + " in " + path + " is not written as a plain `" + KEY
                    + ": VALUE` line; edit it by hand");
        }
        return new K3sConfigFile(path, text, doc, Optional.of(span));
    }

    /** The value of {@code flannel-backend}, if the file sets it (an empty value sets nothing: k3s's default). */
    Optional<String> backend() {
        return span.map(s -> text.substring(s[0], s[1])).filter(v -> !v.isEmpty());
    }

    /** The whole file with {@code flannel-backend} set to {@code backend}: the value spliced in, or a line appended. */
    String withBackend(String backend) {
        String edited = span.map(s -> text.substring(0, s[0]) + backend + text.substring(s[1]))
                .orElseGet(() -> text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + KEY + ": " + backend + "\n");
        Map<Object, Object> expected = new LinkedHashMap<>(doc);
        expected.put(KEY, backend);
        Map<Object, Object> actual;
        try {
            actual = load(path, edited);
        } catch (K3sEditException e) {
            actual = Map.of();
        }
        if (!Objects.equals(expected, actual)) {
            throw new K3sEditException("cannot set " + KEY + " in " + path
                    + " without changing what the rest of it means (not a plain block mapping?); edit it by hand");
        }
        return edited;
    }

    /** The value's {@code [start, end)} on its one top-level line: inside quotes, or a plain scalar before any comment. */
    private static int[] valueSpan(String path, String text) {
        Matcher m = LINE.matcher(text);
        if (!m.find()) {
            throw new K3sEditException(KEY + " in " + path + " is not on a line of its own; edit it by hand");
        }
        String rest = m.group(1);
        int lead = rest.length() - rest.stripLeading().length();
        int start = m.start(1) + lead;
        String value = rest.substring(lead);
        if (value.startsWith("'") || value.startsWith("\"")) {
            int close = value.indexOf(value.charAt(0), 1);
            return close < 0 ? new int[] {start, start} : new int[] {start + 1, start + close};
        }
        int comment = value.indexOf(" #") >= 0 ? value.indexOf(" #") : value.indexOf("\t#");
        String plain = (comment >= 0 ? value.substring(0, comment) : value).stripTrailing();
        return new int[] {start, start + plain.length()};
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> load(String path, String text) {
        Object doc;
        try {
            LoadSettings settings = YamlLimits.settings(path).build();
            doc = new StandardConstructor(settings).constructSingleDocument(YamlLimits.compose(text, settings));
        } catch (RuntimeException e) {
            throw new K3sEditException(path + " is not valid YAML (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + "); fix it first");
        }
        if (doc == null) {
            return Map.of();
        }
        if (!(doc instanceof Map)) {
            throw new K3sEditException(path + " is not a YAML mapping of k3s flags; fix it first");
        }
        return (Map<Object, Object>) doc;
    }
}
