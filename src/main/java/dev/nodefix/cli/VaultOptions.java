package dev.nodefix.cli;

import dev.nodefix.transport.EnvironmentSecrets;
import dev.nodefix.transport.SecretSource;
import dev.nodefix.vault.Vault;
import dev.nodefix.vault.VaultConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --vault-password-file}, {@code --vault-id}, {@code --ask-vault-pass}: Ansible's vault options, for
 * decrypting {@code !vault} values in the inventory. Nothing is read or asked until a vaulted value is needed.
 */
public final class VaultOptions {
    @Option(names = {"--vault-password-file", "--vault-pass-file"}, paramLabel = "FILE",
            description = "Vault password file; run and its output used when executable (repeatable; also ANSIBLE_VAULT_PASSWORD_FILE).")
    List<String> passwordFiles = new ArrayList<>();

    @Option(names = "--vault-id", paramLabel = "[LABEL@]SOURCE",
            description = "Vault password for vault id LABEL from file SOURCE, or from a prompt when SOURCE is 'prompt' (repeatable).")
    List<String> vaultIds = new ArrayList<>();

    @Option(names = {"--ask-vault-pass", "--ask-vault-password"},
            description = "Prompt for the vault password (else NODEFIX_VAULT_PASSWORD answers the prompt).")
    boolean askVaultPass;

    /** The options as Ansible would read them, before the environment is added. */
    public VaultConfig config() {
        return new VaultConfig(vaultIds, passwordFiles, askVaultPass);
    }

    /** A vault reading ANSIBLE_VAULT_* from {@code ctx.env()} and prompting through {@code ctx.prompts()}. */
    public Vault vault(CliContext ctx) {
        return vault(ctx, Optional.empty());
    }

    /** As {@link #vault(CliContext)}, with ansible.cfg's {@code vault_password_file} after the options' files. */
    public Vault vault(CliContext ctx, Optional<Path> configured) {
        SecretSource prompts = new EnvironmentSecrets(ctx.env(), ctx.prompts());
        List<String> files = new ArrayList<>(passwordFiles);
        configured.ifPresent(f -> files.add(f.toString()));
        return new VaultConfig(vaultIds, files, askVaultPass)
                .vault(ctx.env(), ctx.home(), prompt -> prompts.get(SecretSource.Kind.VAULT_PASSWORD, prompt));
    }
}
