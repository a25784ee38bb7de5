package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The k3s config drop-ins ({@code /etc/rancher/k3s/config.yaml.d/*.yaml}, or {@code .yml}) in the order k3s reads
 * them, a later file winning over an earlier one and over {@code config.yaml}: the keys nodefix reads from each.
 *
 * @param files    the drop-ins that were read (also when another could not be)
 * @param complete every drop-in was read: false when the collector named one (or the directory)
 *                 {@code # unreadable:}, or the section failed or is missing; then a key no file here sets may
 *                 still be set
 */
public record K3sConfigDropIns(List<DropIn> files, boolean complete) {
    /** One drop-in file and its {@code node-name}, if it sets one. */
    public record DropIn(String file, Optional<String> nodeName) {}

    private static final String FILE = "# file: ";

    public static final Fact<K3sConfigDropIns> FACT = Fact.of("k3s-config-d", K3sConfigDropIns::parse);

    public K3sConfigDropIns {
        files = List.copyOf(files);
    }

    static K3sConfigDropIns parse(Section section) {
        List<DropIn> files = new ArrayList<>();
        String file = null;
        StringBuilder text = new StringBuilder();
        for (String line : section.status() == Section.Status.RAN ? section.lines() : List.<String>of()) {
            if (line.startsWith(Section.UNREADABLE)) {
                continue;
            }
            if (line.startsWith(FILE)) {
                add(files, file, text);
                file = line.substring(FILE.length()).strip();
                text.setLength(0);
            } else if (file != null) {
                text.append(line).append('\n');
            }
        }
        add(files, file, text);
        return new K3sConfigDropIns(files, section.readWhole());
    }

    private static void add(List<DropIn> files, String file, StringBuilder text) {
        if (file != null) {
            files.add(new DropIn(file, K3sConfig.string(K3sConfig.keys(text.toString()).get("node-name"))));
        }
    }

    /** The last file that sets {@code node-name}: the one k3s takes. */
    public Optional<DropIn> nodeName() {
        return files.stream().filter(f -> f.nodeName().isPresent()).reduce((a, b) -> b);
    }
}
