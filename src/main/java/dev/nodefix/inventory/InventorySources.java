package dev.nodefix.inventory;

import dev.nodefix.vault.Vaulted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads inventory sources into one {@link InventoryBuilder} the way Ansible's InventoryManager does:
 * sources in the order given; a path that does not exist and holds a comma as a host list; a directory's
 * entries in sorted order, recursively, skipping hidden entries, group_vars, host_vars, vars_plugins and
 * Ansible's ignored extensions (.ini among them); each file tried as Ansible's default plugins try it:
 * {@code .yaml}/{@code .yml}/{@code .json} and files without extension as YAML when they hold a YAML
 * mapping, as INI otherwise (a YAML-named file that is neither is reported with its YAML error), anything
 * else as INI. A file vaulted as a whole is decrypted first. Inventory scripts and TOML inventories are
 * refused by name.
 */
final class InventorySources {
    private static final Pattern IGNORED = Pattern.compile("^\\.|^host_vars$|^group_vars$|^vars_plugins$"
            + "|(?:\\.pyc|\\.pyo|\\.swp|\\.bak|~|\\.rpm|\\.md|\\.txt|\\.rst|\\.orig|\\.ini|\\.cfg|\\.retry)$");
    private static final List<String> YAML_EXTENSIONS = List.of(".yaml", ".yml", ".json");

    private final InventoryBuilder builder;
    private final VaultOpener vault;

    InventorySources(InventoryBuilder builder, VaultOpener vault) {
        this.builder = builder;
        this.vault = vault;
    }

    /** Whether Ansible reads this source as a list of hosts ({@code -i 'node1,node2:2222,'}). */
    static boolean isHostList(Path source) {
        return source.toString().contains(",") && !Files.exists(source);
    }

    /** Reads one source as the user gave it (a file, a directory or a comma-separated host list). */
    void read(Path source) {
        if (isHostList(source)) {
            hostList(source.toString());
        } else if (Files.isDirectory(source)) {
            directory(source);
        } else {
            file(source, false);
        }
    }

    /** Ansible's {@code host_list} plugin: each non-empty name, with an optional port, into "ungrouped". */
    private void hostList(String list) {
        Location at = new Location(list, 0, 0);
        for (String item : list.split(",")) {
            String name = item.strip();
            if (!name.isEmpty()) {
                HostAddress address = HostAddress.parse(name).orElse(new HostAddress(name, OptionalInt.empty()));
                if (!builder.hosts().containsKey(address.host())) {
                    builder.addHost(address.host(), InventoryBuilder.UNGROUPED, address.port(), at);
                }
            }
        }
    }

    private void directory(Path dir) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.filter(p -> !IGNORED.matcher(p.getFileName().toString()).find()).sorted().toList();
        } catch (IOException e) {
            throw new InventoryException(new Location(dir.toString(), 0, 0), "cannot list the inventory directory: " + e);
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                directory(entry);
            } else {
                file(entry, true);
            }
        }
    }

    private void file(Path file, boolean inDirectory) {
        String label = file.toString();
        String text = YamlDocument.read(file, label);
        if (text.startsWith(VarsFileReader.VAULT_HEADER)) {
            text = vault.open(new Vaulted(text, new Location(label, 1, 1)), label);
            label = label + " (decrypted)";
        }
        String ext = AdjacentVars.extension(file.getFileName().toString());
        if (text.startsWith("#!")) {
            throw new InventoryException(new Location(label, 1, 1), "this is an inventory script; nodefix reads"
                    + " YAML and INI inventories only (run it and save its output as a YAML inventory)");
        }
        if (ext.equals(".toml")) {
            throw new InventoryException(new Location(label, 0, 0), "TOML inventories are not supported; nodefix"
                    + " reads YAML and INI inventories");
        }
        if (YAML_EXTENSIONS.contains(ext)) {
            yamlElseIni(text, label, inDirectory);
        } else if (ext.isEmpty() && looksLikeYaml(text, label)) {
            yaml(text, label, inDirectory);
        } else {
            new IniInventoryReader(label, builder).read(text);
        }
    }

    /** A YAML-named file that is not a YAML mapping is read as INI, as Ansible's ini plugin would. */
    private void yamlElseIni(String text, String label, boolean inDirectory) {
        Optional<Node> root;
        try {
            root = YamlDocument.compose(text, label);
        } catch (InventoryException yamlError) {
            iniElse(text, label, () -> {
                throw yamlError;
            });
            return;
        }
        if (root.isEmpty() || root.get() instanceof MappingNode) {
            yaml(text, label, inDirectory);
        } else {
            iniElse(text, label, () -> yaml(text, label, inDirectory));
        }
    }

    /** Reads the text as INI; if that fails, runs {@code otherwise} (which reports the YAML problem). */
    private void iniElse(String text, String label, Runnable otherwise) {
        try {
            new IniInventoryReader(label, builder).read(text);
        } catch (InventoryException iniError) {
            otherwise.run();
        }
    }

    private void yaml(String text, String label, boolean inDirectory) {
        Optional<Node> root = YamlDocument.compose(text, label);
        if (root.isEmpty() && inDirectory) {
            return;
        }
        Node node = root.orElseThrow(() -> new InventoryException(new Location(label, 1, 1), "the inventory is empty"));
        new InventoryReader(new YamlNodes(label), builder).read(node);
    }

    /** Whether Ansible's yaml plugin would take a file without extension: it parses as a YAML mapping. */
    private static boolean looksLikeYaml(String text, String label) {
        try {
            return YamlDocument.compose(text, label).filter(MappingNode.class::isInstance).isPresent();
        } catch (InventoryException e) {
            return false;
        }
    }
}
