package dev.nodefix.shell;

import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.InventoryParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

/**
 * The session's inventory, read again when the file changes on disk (an operator may edit it mid-incident).
 * Every command the shell runs reads it itself; this copy serves cd, list, the prompt and completion.
 */
public final class ShellInventory {
    private final Path file;
    private Inventory cached;
    private FileTime readAt;

    public ShellInventory(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The parsed inventory; {@link dev.nodefix.inventory.InventoryException} when it cannot be read. */
    public synchronized Inventory get() {
        FileTime now = modified();
        if (cached == null || !now.equals(readAt)) {
            cached = new InventoryParser().parse(file);
            readAt = now;
        }
        return cached;
    }

    /** The parsed inventory, or empty when it cannot be read (for completion and the prompt, which never fail). */
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

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
