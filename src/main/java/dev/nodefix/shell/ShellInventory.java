package dev.nodefix.shell;

import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.InventoryParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The session's inventory as the commands read it (connections merged from ansible.cfg and the ssh config), read
 * again when a file it comes from changes on disk (an operator may edit it mid-incident). Every command the shell
 * runs reads its setup itself; this copy serves cd, list, the prompt and completion.
 */
public final class ShellInventory {
    private final Path file;
    private final Supplier<Inventory> loader;
    private final List<Path> watched;
    private Inventory cached;
    private SourceStamp readAt;

    /**
     * @param file    the inventory source the shell's commands are given ({@code -i FILE})
     * @param loader  reads the inventory afresh on each call
     * @param watched the files and directories it is read from (directories are walked)
     */
    public ShellInventory(Path file, Supplier<Inventory> loader, List<Path> watched) {
        this.file = Objects.requireNonNull(file, "file");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.watched = List.copyOf(watched);
    }

    /** The inventory file alone, without ansible.cfg or the ssh config (tests of what the shell does with it). */
    public ShellInventory(Path file) {
        this(file, () -> new InventoryParser().parse(file), List.of(file));
    }

    public Path file() {
        return file;
    }

    /** The inventory; the loader's exception (naming {@code file:line}) when it cannot be read. */
    public synchronized Inventory get() {
        SourceStamp now = SourceStamp.of(watched);
        if (cached == null || !now.equals(readAt)) {
            cached = null;
            cached = loader.get();
            readAt = now;
        }
        return cached;
    }

    /** The inventory, or empty when it cannot be read (for completion and the prompt, which never fail). */
    public Optional<Inventory> tryGet() {
        try {
            return Optional.of(get());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The hosts a pattern selects; {@link dev.nodefix.inventory.InventoryException} saying why when none. */
    public List<Host> select(String pattern) {
        return get().select(pattern);
    }
}
