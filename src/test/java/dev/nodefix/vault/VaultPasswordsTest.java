package dev.nodefix.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.inventory.Location;
import dev.nodefix.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When and how a {@link Vault} fetches its passwords: only at the first decryption that needs one, once, the
 * envelope's vault id first; prompts with Ansible's text; never printing a password.
 */
class VaultPasswordsTest {
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    private final List<String> asked = new ArrayList<>();

    private VaultPrompt answering(String answer) {
        return prompt -> {
            asked.add(prompt);
            return Optional.of(Secret.of(answer));
        };
    }

    private static Vaulted fixture(String name) {
        return new Vaulted(VaultCase.read(VaultCase.FIXTURES.resolve(name)), new Location(name, 3, 5));
    }

    @Test
    void promptsOnlyAtTheFirstDecryptionAndOnce() {
        Vault vault = new VaultConfig(List.of(), List.of(), true).vault(Map.of(), dir, answering(" " + PASSWORD + "\n"));
        assertThat(asked).isEmpty();

        assertThat(vault.apply(fixture("whole-file.yml"))).startsWith("ansible_user: deploy");
        assertThat(vault.apply(fixture("empty.vault"))).isEmpty();

        assertThat(asked).containsExactly("Vault password");
    }

    @Test
    void labelledPromptNamesTheVaultId() {
        Vault vault = new VaultConfig(List.of("prod@prompt"), List.of(), false).vault(Map.of(), dir, answering("prod secret"));

        assertThat(vault.apply(fixture("labelled-file.vault"))).isEqualTo("k3s_token: prod-token\n");
        assertThat(asked).containsExactly("Vault password (prod)");
    }

    @Test
    void askVaultPassFromTheEnvironment() {
        Vault vault = new VaultConfig(List.of(), List.of(), false)
                .vault(Map.of("ANSIBLE_ASK_VAULT_PASS", "True"), dir, answering(PASSWORD));

        assertThat(vault.apply(fixture("empty.vault"))).isEmpty();
        assertThat(asked).containsExactly("Vault password");
    }

    @Test
    void thePasswordOfTheEnvelopesVaultIdIsTriedFirstSoOthersAreNeverFetched() throws IOException {
        Path counter = dir.resolve("runs");
        Path script = script("other.sh", "echo run >> " + counter + "; echo other-password");
        Vault vault = new VaultConfig(List.of("dev@" + script, "prod@" + VaultCase.FIXTURES.resolve("prod-password")),
                List.of(), false).vault(Map.of(), dir, answering("unused"));

        assertThat(vault.apply(fixture("labelled-file.vault"))).isEqualTo("k3s_token: prod-token\n");
        assertThat(counter).doesNotExist();
        assertThat(asked).isEmpty();
    }

    @Test
    void aScriptRunsOnceForManyDecryptions() throws IOException {
        Path counter = dir.resolve("runs");
        Path script = script("pw.sh", "echo run >> " + counter + "; echo '" + PASSWORD + "'");
        Vault vault = new VaultConfig(List.of(), List.of(script.toString()), false).vault(Map.of(), dir, answering("x"));

        for (String name : List.of("whole-file.yml", "empty.vault", "whole-file.yml", "block.yml", "string-1.1.yml")) {
            vault.apply(VaultCase.vaulted(name));
        }
        assertThat(counter).hasContent("run");
    }

    @Test
    void anUnavailablePasswordIsSkippedWhenAnotherDecrypts() {
        Vault vault = new VaultConfig(List.of(), List.of(dir.resolve("missing").toString(),
                VaultCase.FIXTURES.resolve("password").toString()), false).vault(Map.of(), dir, answering("x"));

        assertThat(vault.apply(fixture("empty.vault"))).isEmpty();
    }

    @Test
    void failingScriptIsNamedWithTheLocation() throws IOException {
        Path script = script("broken-client.sh", "echo 'no such id' >&2; exit 2");
        Vault vault = new VaultConfig(List.of("prod@" + script), List.of(), false).vault(Map.of(), dir, answering("x"));

        assertThatThrownBy(() -> vault.apply(fixture("labelled-file.vault")))
                .isInstanceOf(VaultException.class)
                .hasMessageStartingWith("labelled-file.vault:3:5: ")
                .hasMessageContaining("did not find a secret for vault-id=prod: no such id")
                .extracting(e -> ((VaultException) e).reason()).isEqualTo(VaultException.Reason.PASSWORD_UNAVAILABLE);
    }

    @Test
    void emptyPasswordsAreRefusedAsAnsibleRefusesThem() throws IOException {
        Path blank = Files.writeString(dir.resolve("blank"), " \n");
        Vault fromFile = new VaultConfig(List.of(), List.of(blank.toString()), false).vault(Map.of(), dir, answering("x"));
        Vault fromPrompt = new VaultConfig(List.of(), List.of(), true).vault(Map.of(), dir, answering("  "));
        Vault noTerminal = new VaultConfig(List.of(), List.of(), true).vault(Map.of(), dir, prompt -> Optional.empty());

        assertThatThrownBy(() -> fromFile.apply(fixture("empty.vault"))).hasMessageContaining(
                "Invalid vault password was provided from file (" + blank + ")");
        assertThatThrownBy(() -> fromPrompt.apply(fixture("empty.vault"))).hasMessageContaining("empty vault password");
        assertThatThrownBy(() -> noTerminal.apply(fixture("empty.vault"))).hasMessageContaining("no terminal answered");
    }

    @Test
    void passwordsNeverPrint() {
        Vault vault = new VaultConfig(List.of(), List.of(), true).vault(Map.of(), dir, answering("wrong " + PASSWORD));

        assertThatThrownBy(() -> vault.apply(fixture("empty.vault"))).hasMessageNotContaining(PASSWORD);
        assertThat(vault).hasToString("Vault[default]");
        assertThat(fixture("empty.vault")).hasToString("<vaulted>");
    }

    @Test
    void pathsExpandTildeAndVariablesAsAnsible() {
        Path home = Path.of("/home/ops");

        assertThat(VaultConfig.path("~/.vault-pass", Map.of(), home)).isEqualTo(Path.of("/home/ops/.vault-pass"));
        assertThat(VaultConfig.path("$D/pw", Map.of("D", "/etc/nodefix"), home)).isEqualTo(Path.of("/etc/nodefix/pw"));
        assertThat(VaultConfig.path("${D}/pw", Map.of("D", "/srv"), home)).isEqualTo(Path.of("/srv/pw"));
        assertThat(VaultConfig.path("$UNSET/pw", Map.of(), home)).isEqualTo(Path.of("$UNSET/pw").toAbsolutePath());
    }

    @Test
    void clientScriptsAreNamedLikeAnsiblesScriptIsClient() {
        assertThat(PasswordPath.isClient(Path.of("/x/vault-client"))).isTrue();
        assertThat(PasswordPath.isClient(Path.of("/x/vault-client.py"))).isTrue();
        assertThat(PasswordPath.isClient(Path.of("/x/vault-client.d/pw"))).isFalse();
        assertThat(PasswordPath.isClient(Path.of("/x/client.sh"))).isFalse();
        assertThat(PasswordPath.isClient(Path.of("/x/vault-client.tar.gz"))).isFalse();
    }

    private Path script(String name, String body) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
