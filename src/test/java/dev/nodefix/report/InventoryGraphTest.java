package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.InventoryException;
import dev.nodefix.inventory.InventoryParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryGraphTest {
    @TempDir
    Path dir;

    private Inventory inventory() throws IOException {
        Path file = Files.writeString(dir.resolve("hosts.yaml"), """
                k3s_cluster:
                  children:
                    server:
                      hosts:
                        srv1:
                    agent:
                      hosts:
                        agt1:
                """);
        return new InventoryParser(dir).parse(file);
    }

    @Test
    void graphsFromAllOrFromAGroup() throws IOException {
        assertThat(new InventoryGraph().render(inventory(), null)).isEqualTo("""
                @all:
                  |--@ungrouped:
                  |--@k3s_cluster:
                  |  |--@server:
                  |  |  |--srv1
                  |  |--@agent:
                  |  |  |--agt1
                """);
        assertThat(new InventoryGraph().render(inventory(), "agent")).isEqualTo("@agent:\n  |--agt1\n");
    }

    @Test
    void anUnknownGroupIsAnErrorWithASuggestion() {
        assertThatThrownBy(() -> new InventoryGraph().render(inventory(), "agnet"))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("'agnet' is not a group")
                .hasMessageContaining("did you mean 'agent'?");
    }
}
