package dev.nodefix.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parses the inventories under src/test/resources/inventory, or an inline one, with home = /home/test. */
final class InventoryFixtures {
    static final Path HOME = Path.of("/home/test");

    private InventoryFixtures() {}

    static Inventory valid(String name) {
        try {
            return new InventoryParser(HOME).parse(
                    Path.of(InventoryFixtures.class.getResource("/inventory/valid/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Inventory inline(Path dir, String yaml) {
        try {
            Path file = Files.writeString(dir.resolve("inline.yaml"), yaml);
            return new InventoryParser(HOME).parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
