package dev.nodefix.inventory;

import dev.nodefix.vault.Vaulted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads Ansible inventory sources into an {@link Inventory} that means what {@code ansible-inventory}
 * makes of the same sources: YAML and INI files, directories of them, several sources merged in order,
 * group_vars/ and host_vars/ beside each source and beside the playbook, Ansible's variable precedence,
 * {@code !vault} values kept encrypted until a connection needs one. Every problem is an
 * {@link InventoryException} located at {@code file:line:col}.
 */
public final class InventoryParser {
    private final Path home;
    private final VaultOpener vault;

    /** A parser that expands {@code ~} in key and known-hosts paths to the user's home directory. */
    public InventoryParser() {
        this(Path.of(System.getProperty("user.home")));
    }

    /** A parser that expands {@code ~} to {@code home}; needing a vaulted value is an error. */
    public InventoryParser(Path home) {
        this(home, Optional.empty());
    }

    /** A parser that decrypts a vaulted value with {@code unvault} when a connection needs it. */
    public InventoryParser(Path home, Function<Vaulted, String> unvault) {
        this(home, Optional.of(Objects.requireNonNull(unvault, "unvault")));
    }

    private InventoryParser(Path home, Optional<Function<Vaulted, String>> unvault) {
        this.home = Objects.requireNonNull(home, "home");
        this.vault = new VaultOpener(unvault);
    }

    /** One source: a YAML or INI file, a directory of them, or a host list ({@code node1,node2:2222,}). */
    public Inventory parse(Path source) {
        return parse(List.of(source), Optional.empty());
    }

    /** Several sources merged in order, as {@code -i a -i b}. */
    public Inventory parse(List<Path> sources) {
        return parse(sources, Optional.empty());
    }

    /** Several sources merged in order, with group_vars/ and host_vars/ beside the playbook too. */
    public Inventory parse(List<Path> sources, Optional<Path> playbookDir) {
        if (sources.isEmpty()) {
            throw new InventoryException("no inventory source given");
        }
        InventoryBuilder builder = new InventoryBuilder();
        InventorySources reader = new InventorySources(builder, vault);
        sources.forEach(reader::read);
        builder.reconcile();
        VarsFileReader files = new VarsFileReader(vault);
        AdjacentVars beside = new AdjacentVars(sources.stream().filter(s -> !InventorySources.isHostList(s))
                .map(InventoryParser::varsDir).toList(), files);
        AdjacentVars playbook = new AdjacentVars(playbookDir.stream().toList(), files);
        String label = sources.stream().map(Path::toString).collect(Collectors.joining(", "));
        return new InventoryAssembler(new ConnectionResolver(home, vault)).assemble(label, builder, beside, playbook);
    }

    /** Where Ansible looks for a source's group_vars/host_vars: in it (a directory) or beside it (a file). */
    private static Path varsDir(Path source) {
        if (Files.isDirectory(source)) {
            return source;
        }
        Path parent = source.getParent();
        return parent == null ? Path.of("") : parent;
    }
}
