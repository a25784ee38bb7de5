package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.app.Nodefix;
import dev.nodefix.inventory.Location;
import dev.nodefix.secret.Secret;
import dev.nodefix.transport.SecretSource;
import dev.nodefix.transport.ssh.SshTransportFactory;
import dev.nodefix.vault.VaultConfig;
import dev.nodefix.vault.VaultException;
import dev.nodefix.vault.Vaulted;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Parsing of the vault options (as ansible-playbook spells them), and the vault they give. */
class VaultOptionsTest {
    @Command(name = "probe")
    static final class Probe {
        @Mixin VaultOptions vault;
    }

    private final List<String> asked = new ArrayList<>();

    private static VaultOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.vault;
    }

    @Test
    void optionsAsAnsibleSpellsThem() {
        VaultOptions options = parse("--vault-password-file", "a", "--vault-pass-file=b", "--vault-id", "prod@c",
                "--vault-id", "prompt", "--ask-vault-pass");

        assertThat(options.config()).isEqualTo(new VaultConfig(List.of("prod@c", "prompt"), List.of("a", "b"), true));
        assertThat(parse("--ask-vault-password").config().askVaultPass()).isTrue();
        assertThat(parse().config()).isEqualTo(new VaultConfig(List.of(), List.of(), false));
    }

    @Test
    void vaultReadsAnsibleVaultPasswordFileFromTheContextEnvironment() throws Exception {
        CliContext ctx = context(Map.of("ANSIBLE_VAULT_PASSWORD_FILE", fixtures().resolve("password").toString()));

        assertThat(parse().vault(ctx).apply(fixture("empty.vault"))).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void askVaultPassPromptsThroughTheContextOnlyWhenAValueIsDecrypted() throws Exception {
        var vault = parse("--ask-vault-pass").vault(context(Map.of()));
        assertThat(asked).isEmpty();

        assertThat(vault.apply(fixture("empty.vault"))).isEmpty();
        assertThat(asked).containsExactly("VAULT_PASSWORD Vault password");
    }

    @Test
    void nodefixVaultPasswordAnswersThePrompt() throws Exception {
        var vault = parse("--vault-id", "prod@prompt").vault(context(Map.of("NODEFIX_VAULT_PASSWORD", "prod secret")));

        assertThat(vault.apply(fixture("labelled-file.vault"))).isEqualTo("k3s_token: prod-token\n");
        assertThat(asked).isEmpty();
    }

    @Test
    void noVaultOptionsMeansNoPasswordAtTheValuesLocation() throws Exception {
        assertThatThrownBy(() -> parse().vault(context(Map.of())).apply(fixture("empty.vault")))
                .isInstanceOf(VaultException.class)
                .hasMessage("empty.vault:7:3: value is vaulted; give --vault-password-file, --vault-id or --ask-vault-pass"
                        + " (or set ANSIBLE_VAULT_PASSWORD_FILE)");
    }

    private CliContext context(Map<String, String> env) {
        SecretSource prompts = (kind, subject) -> {
            asked.add(kind + " " + subject);
            return Optional.of(Secret.of("correct horse battery staple"));
        };
        return new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), env,
                Path.of("/nonexistent-home"), Clock.systemUTC(), prompts, SshTransportFactory::new,
                Nodefix.services(env, Path.of("/nonexistent-home")), false, q -> false, () -> 4);
    }

    private static Vaulted fixture(String name) throws IOException, URISyntaxException {
        return new Vaulted(Files.readString(fixtures().resolve(name)), new Location(name, 7, 3));
    }

    private static Path fixtures() throws URISyntaxException {
        return Path.of(VaultOptionsTest.class.getResource("/vault/fixtures").toURI());
    }
}
