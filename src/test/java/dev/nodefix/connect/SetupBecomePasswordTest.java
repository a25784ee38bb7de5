package dev.nodefix.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.inventory.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host's sudo password from its inventory: a vaulted value, or exactly {@code {{ other }}} pointing at one (the
 * "vault_" indirection k3s-ansible-style setups use); other templates are refused with where they were written.
 */
class SetupBecomePasswordTest {
    private static final String VAULTED = """
            !vault |
                      $ANSIBLE_VAULT;1.1;AES256
                      3631
            """;

    @TempDir
    Path dir;

    @Test
    void vaultedDirectOrThroughAVariableReferenceIsDecrypted() throws IOException {
        Setup setup = setup("""
                all:
                  hosts:
                    direct:
                      ansible_become_password: %s
                    indirect:
                      ansible_become_password: "{{ vault_sudo }}"
                      vault_sudo: %s
                    none:
                """.formatted(VAULTED.strip(), VAULTED.strip().replace("\n", "\n    ")));

        assertThat(setup.becomePassword(host(setup, "direct"))).contains("decrypted:3631");
        assertThat(setup.becomePassword(host(setup, "indirect"))).contains("decrypted:3631");
        assertThat(setup.becomePassword(host(setup, "none"))).isEmpty();
    }

    @Test
    void aReferenceToAMissingVariableOrAnotherTemplateIsRefusedAtItsLine() throws IOException {
        Setup setup = setup("""
                all:
                  hosts:
                    missing:
                      ansible_become_password: "{{ vault_sudo }}"
                    filtered:
                      ansible_become_password: "{{ vault_sudo | default('x') }}"
                """);

        assertThatThrownBy(() -> setup.becomePassword(host(setup, "missing"))).isInstanceOf(SetupException.class)
                .hasMessageContaining("hosts.yaml:4:").hasMessageContaining("refers to vault_sudo");
        assertThatThrownBy(() -> setup.becomePassword(host(setup, "filtered"))).isInstanceOf(SetupException.class)
                .hasMessageContaining("hosts.yaml:6:").hasMessageContaining("not other templates");
    }

    private Setup setup(String inventory) throws IOException {
        Path file = Files.writeString(dir.resolve("hosts.yaml"), inventory);
        return new SetupReader(dir.resolve("no-ansible.cfg"), dir.resolve("no-ssh_config")).read(new SetupRequest(
                Map.of(), dir, dir, "op", List.of(file), Optional.empty(), Optional.empty(), CommandLineOverrides.NONE,
                v -> "decrypted:" + v.envelope().lines().reduce((a, b) -> b).orElse("").strip()));
    }

    private static Host host(Setup setup, String name) {
        return setup.inventory().host(name).orElseThrow();
    }
}
