package dev.nodefix.fact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One {@code facts/<Fact>/<case>.yaml}: either {@code raw:} (the fact's section text, with optional {@code rc:}
 * and {@code status: absent|missing}; {@code section:} names the section when it is not the fact's own, e.g. the
 * one an older collector printed the fact in) or {@code sections:} (section name to text, for facts combined from
 * several sections, with optional {@code rcs:}, section name to its rc when not 0), and {@code expected:} the parsed
 * value as plain data.
 */
record FactCase(String fact, String name, CollectorOutput output, Object expected) {
    @Override
    public String toString() {
        return fact + "/" + name;
    }

    static FactCase load(Path file, String section) {
        Map<?, ?> doc = yaml(file);
        String fact = file.getParent().getFileName().toString();
        String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        Map<String, Section> sections = new LinkedHashMap<>();
        if (doc.get("sections") instanceof Map<?, ?> raw) {
            Map<?, ?> rcs = doc.get("rcs") instanceof Map<?, ?> m ? m : Map.of();
            raw.forEach((k, v) -> sections.put(String.valueOf(k), ran(String.valueOf(k),
                    rcs.get(k) instanceof Number n ? n.intValue() : 0, v)));
        } else if (section != null) {
            String in = doc.get("section") instanceof String named ? named : section;
            sections.put(in, single(in, doc));
        }
        return new FactCase(fact, name, new CollectorOutput(sections), normalise(doc.get("expected")));
    }

    private static Section single(String section, Map<?, ?> doc) {
        Object status = doc.get("status");
        if ("absent".equals(status)) {
            return Section.absent(section);
        }
        if ("missing".equals(status)) {
            return Section.missing(section);
        }
        int rc = doc.get("rc") instanceof Number n ? n.intValue() : 0;
        return ran(section, rc, doc.get("raw"));
    }

    private static Section ran(String section, int rc, Object raw) {
        String text = raw == null ? "" : String.valueOf(raw);
        text = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Section.ran(section, rc, text.isEmpty() ? List.of() : List.of(text.split("\n", -1)));
    }

    /** YAML integers to Long, like {@link PlainData}. */
    private static Object normalise(Object value) {
        return PlainData.of(value);
    }

    private static Map<?, ?> yaml(Path file) {
        try {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            if (!(doc instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(file + ": not a YAML map");
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
