package dev.nodefix.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ansible.cfg's ask_pass and become_ask_pass reach the setup, so the commands prompt as with -k and -K. */
class SetupPromptsTest {
    @TempDir
    Path dir;

    @Test
    void askPassAndBecomeAskPassFromAnsibleCfg() throws IOException {
        Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\nask_pass = yes\n[privilege_escalation]\n"
                + "become_ask_pass = True\n");
        Path inventory = Files.writeString(dir.resolve("hosts.yaml"), "all:\n  hosts:\n    a:\n");

        Setup asking = read(inventory);
        Files.delete(dir.resolve("ansible.cfg"));
        Setup quiet = read(inventory);

        assertThat(asking.prompts()).isEqualTo(new Setup.Prompts(true, true));
        assertThat(quiet.prompts()).isEqualTo(Setup.Prompts.NONE);
    }

    private Setup read(Path inventory) {
        return new SetupReader(dir.resolve("no-system.cfg"), dir.resolve("no-ssh_config")).read(new SetupRequest(
                Map.of(), dir, dir, "op", List.of(inventory), Optional.empty(), Optional.empty(),
                CommandLineOverrides.NONE, v -> "x"));
    }
}
