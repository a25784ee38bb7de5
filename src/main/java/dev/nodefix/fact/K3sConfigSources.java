package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The k3s config files k3s reads for one config path, in its order, from the collector's sections: the file, then
 * {@code PATH.d/*.yaml} and {@code *.yml} (any case) by name (https://docs.k3s.io/installation/configuration,
 * "Configuration File"; k3s pkg/configfilearg/parser.go {@code dotDFiles}). The default path comes from
 * {@code k3s-config} and {@code k3s-config-d}; another from {@code k3s-config-other}, where the collector prints a
 * config file a unit or env file names.
 *
 * @param files the files in k3s's order, each read or not readable
 * @param open  why the list itself cannot be told whole (a section not collected, a directory not readable)
 */
record K3sConfigSources(List<ConfigFile> files, Optional<String> open) {
    static final String DEFAULT = "/etc/rancher/k3s/config.yaml";
    static final String OTHER = "k3s-config-other";

    /** A config file: its lines when read, else empty (the collector could not read it). */
    record ConfigFile(String path, Optional<List<String>> lines, String section) {}

    K3sConfigSources {
        files = List.copyOf(files);
    }

    static K3sConfigSources of(CollectorOutput out, String path) {
        return path.equals(DEFAULT) ? defaults(out) : other(out, path);
    }

    private static K3sConfigSources defaults(CollectorOutput out) {
        List<ConfigFile> files = new ArrayList<>();
        Section config = out.section("k3s-config");
        Optional<String> open = Optional.empty();
        switch (config.status()) {
            case MISSING -> open = Optional.of(DEFAULT + ": not collected");
            case ABSENT -> { }
            case RAN -> files.add(new ConfigFile(DEFAULT, config.readWhole() ? Optional.of(config.lines())
                    : Optional.empty(), "k3s-config"));
        }
        Section dropIns = out.section("k3s-config-d");
        if (dropIns.status() == Section.Status.MISSING) {
            open = open.or(() -> Optional.of(DEFAULT + ".d: not collected"));
        }
        for (Block b : blocks(dropIns)) {
            if (b.path().endsWith("/")) {
                open = open.or(() -> Optional.of(b.path() + " could not be listed"));
            } else {
                files.add(new ConfigFile(b.path(), b.lines(), dropIns.name()));
            }
        }
        if (dropIns.status() == Section.Status.RAN && !dropIns.succeeded()
                && dropIns.lines().stream().noneMatch(l -> l.startsWith(Section.UNREADABLE))) {
            open = open.or(() -> Optional.of(DEFAULT + ".d: its listing failed"));
        }
        return new K3sConfigSources(files, open);
    }

    private static K3sConfigSources other(CollectorOutput out, String path) {
        if (path.matches("(?i)https?://.*")) {
            return new K3sConfigSources(List.of(), Optional.of("k3s reads its config from " + path
                    + ", which nodefix does not fetch"));
        }
        Section section = out.section(OTHER);
        List<Block> blocks = blocks(section);
        List<ConfigFile> files = new ArrayList<>();
        boolean listed = false;
        Optional<String> open = Optional.empty();
        for (Block b : blocks) {
            if (b.path().equals(path) || b.path().endsWith(path) && b.path().length() > path.length()
                    && path.startsWith("/")) {
                listed = true;
                if (!b.absent()) {
                    files.add(0, new ConfigFile(b.path(), b.lines(), OTHER));
                }
            } else if (b.path().equals(path + ".d/") || b.path().endsWith(path + ".d/")) {
                open = Optional.of(b.path() + " could not be listed");
            } else if (b.path().contains(path + ".d/") && !b.absent()) {
                files.add(new ConfigFile(b.path(), b.lines(), OTHER));
            }
        }
        if (!listed) {
            return new K3sConfigSources(List.of(), Optional.of("k3s reads " + path + ", which "
                    + (section.status() == Section.Status.MISSING ? "this collector output does not include"
                    : "the collector did not read")));
        }
        return new K3sConfigSources(files, open);
    }

    /** A {@code # file:}, {@code # absent:} or {@code # unreadable:} entry of a section. */
    private record Block(String path, Optional<List<String>> lines, boolean absent) {}

    private static List<Block> blocks(Section section) {
        List<Block> blocks = new ArrayList<>();
        if (section.status() != Section.Status.RAN) {
            return blocks;
        }
        String path = null;
        List<String> lines = new ArrayList<>();
        for (String line : section.lines()) {
            String header = line.startsWith("# file: ") ? "# file: " : line.startsWith("# absent: ") ? "# absent: "
                    : line.startsWith(Section.UNREADABLE) ? Section.UNREADABLE : null;
            if (header == null) {
                if (path != null) {
                    lines.add(line);
                }
                continue;
            }
            if (path != null) {
                blocks.add(new Block(path, Optional.of(lines), false));
            }
            path = null;
            lines = new ArrayList<>();
            String named = line.substring(header.length()).strip();
            if (header.equals("# file: ")) {
                path = named;
            } else {
                blocks.add(new Block(named, Optional.empty(), header.equals("# absent: ")));
            }
        }
        if (path != null) {
            blocks.add(new Block(path, Optional.of(lines), false));
        }
        return blocks;
    }
}
