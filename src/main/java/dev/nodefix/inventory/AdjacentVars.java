package dev.nodefix.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code group_vars/} and {@code host_vars/} variables beside a list of directories (each inventory
 * source's, or the playbook's), found as Ansible's {@code host_group_vars} plugin finds them: for a name,
 * the first of {@code NAME}, {@code NAME.yml}, {@code NAME.yaml}, {@code NAME.json} that exists; a
 * directory's files (hidden and {@code ~} ones skipped, subdirectories without extension searched too)
 * in sorted order. Each file is read once.
 */
final class AdjacentVars {
    private static final List<String> EXTENSIONS = List.of("", ".yml", ".yaml", ".json");

    private final List<Path> dirs;
    private final VarsFileReader reader;
    private final Map<Path, Map<String, Var>> files = new HashMap<>();
    private final Map<Path, List<Path>> found = new HashMap<>();

    AdjacentVars(List<Path> dirs, VarsFileReader reader) {
        this.dirs = List.copyOf(dirs);
        this.reader = reader;
    }

    /** The groups' variables: directory by directory, group by group in the order given, later ones winning. */
    Map<String, Var> groups(List<String> groups) {
        return merged("group_vars", groups);
    }

    Map<String, Var> host(String host) {
        return merged("host_vars", List.of(host));
    }

    private Map<String, Var> merged(String kind, List<String> names) {
        Map<String, Var> vars = new LinkedHashMap<>();
        for (Path dir : dirs) {
            Path base = dir.resolve(kind);
            if (!Files.isDirectory(base)) {
                continue;
            }
            for (String name : names) {
                if (!name.startsWith("/")) {
                    found.computeIfAbsent(base.resolve(name), AdjacentVars::find).forEach(file -> vars.putAll(files.computeIfAbsent(file, reader::read)));
                }
            }
        }
        return vars;
    }

    private static List<Path> find(Path named) {
        for (String ext : EXTENSIONS) {
            Path candidate = named.resolveSibling(named.getFileName() + ext);
            if (Files.isDirectory(candidate)) {
                return directory(candidate);
            }
            if (Files.exists(candidate)) {
                return List.of(candidate);
            }
        }
        return List.of();
    }

    private static List<Path> directory(Path dir) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.sorted().toList()) {
                String file = entry.getFileName().toString();
                String ext = extension(file);
                if (file.startsWith(".") || file.endsWith("~")) {
                    continue;
                }
                if (Files.isDirectory(entry) && ext.isEmpty()) {
                    found.addAll(directory(entry));
                } else if (Files.isRegularFile(entry) && EXTENSIONS.contains(ext)) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            throw new InventoryException(new Location(dir.toString(), 0, 0), "cannot list the directory: " + e);
        }
        return found;
    }

    /** Python's {@code os.path.splitext}: from the last dot, unless the name only starts with dots. */
    static String extension(String file) {
        int dot = file.lastIndexOf('.');
        int lead = 0;
        while (lead < file.length() && file.charAt(lead) == '.') {
            lead++;
        }
        return dot < lead ? "" : file.substring(dot);
    }
}
