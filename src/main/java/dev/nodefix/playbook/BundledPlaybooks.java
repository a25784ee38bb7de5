package dev.nodefix.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The playbooks shipped inside nodefix (the repository's {@code playbooks/*.yaml}, copied into the jar with an
 * index at build time), by name: {@code fix-vxlan-checksum} or {@code fix-vxlan-checksum.yaml}.
 */
public final class BundledPlaybooks {
    private static final String DIR = "bundled/";
    private static final Pattern SUMMARY = Pattern.compile("#\\s*(?:(\\S+\\.ya?ml)\\s+--\\s+)?(.*)");

    /** One shipped playbook: its name (the file name without {@code .yaml}) and its first comment line. */
    public record Entry(String name, String summary) {}

    /** Every shipped playbook, by name. */
    public List<Entry> list() {
        return index().stream().map(file -> new Entry(nameOf(file), summary(read(file)))).toList();
    }

    /** The text of the shipped playbook of that name, with or without {@code .yaml}. */
    public Optional<String> find(String name) {
        String file = name.endsWith(".yaml") ? name : name + ".yaml";
        return index().contains(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** The names of the shipped playbooks. */
    public List<String> names() {
        return index().stream().map(BundledPlaybooks::nameOf).toList();
    }

    /** The text of a playbook's first comment line, less a leading {@code NAME.yaml --}; empty without one. */
    static String summary(String text) {
        return text.lines().map(String::strip).filter(l -> l.startsWith("#")).findFirst().map(l -> {
            Matcher m = SUMMARY.matcher(l);
            return m.matches() ? m.group(2).strip() : l.substring(1).strip();
        }).orElse("");
    }

    private static String nameOf(String file) {
        return file.substring(0, file.length() - ".yaml".length());
    }

    private List<String> index() {
        return read("index.txt").lines().map(String::strip).filter(l -> l.endsWith(".yaml")).toList();
    }

    private static String read(String file) {
        try (InputStream in = BundledPlaybooks.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("nodefix was built without its playbooks (no " + DIR + file
                        + " beside " + BundledPlaybooks.class.getName() + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
