package dev.nodefix.vault;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vault options an Ansible command line takes, turned into a {@link Vault} the way ansible-playbook's
 * {@code setup_vault_secrets} orders them: ANSIBLE_VAULT_IDENTITY_LIST, then each {@code --vault-id
 * [LABEL@]SOURCE}, then each {@code --vault-password-file}, then ANSIBLE_VAULT_PASSWORD_FILE, then the
 * --ask-vault-pass (or ANSIBLE_ASK_VAULT_PASS) prompt. A SOURCE of {@code prompt} asks on the terminal; any other
 * is a file (run when executable). ANSIBLE_VAULT_IDENTITY renames the default id, ANSIBLE_VAULT_ID_MATCH tries
 * only passwords whose id matches the envelope's. Nothing is read here: see {@link Vault}.
 */
public record VaultConfig(List<String> vaultIds, List<String> passwordFiles, boolean askVaultPass) {
    static final String DEFAULT_ID = "default";
    private static final Set<String> TRUE = Set.of("y", "yes", "on", "1", "true", "t");
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+|\\{([^}]*)\\})");

    public VaultConfig {
        vaultIds = List.copyOf(vaultIds);
        passwordFiles = List.copyOf(passwordFiles);
    }

    /**
     * @param env    the environment (ANSIBLE_VAULT_* variables, and for expanding {@code $VAR} in paths)
     * @param home   what {@code ~} in a path means
     * @param prompt the terminal, asked only if a decryption needs a prompted password
     */
    public Vault vault(Map<String, String> env, Path home, VaultPrompt prompt) {
        String defaultId = Optional.ofNullable(env.get("ANSIBLE_VAULT_IDENTITY")).filter(s -> !s.isBlank())
                .orElse(DEFAULT_ID);
        List<String> slugs = new ArrayList<>(list(env.get("ANSIBLE_VAULT_IDENTITY_LIST")));
        slugs.addAll(vaultIds);
        List<String> files = new ArrayList<>(passwordFiles);
        Optional.ofNullable(env.get("ANSIBLE_VAULT_PASSWORD_FILE")).filter(s -> !s.isEmpty()).ifPresent(files::add);
        files.forEach(file -> slugs.add(defaultId + "@" + file));
        if (askVaultPass || truthy(env.get("ANSIBLE_ASK_VAULT_PASS"))) {
            slugs.add(defaultId + "@prompt_ask_vault_pass");
        }
        List<VaultIdentity> identities = slugs.stream()
                .map(slug -> identity(slug, defaultId, env, home, prompt)).toList();
        return new Vault(identities, defaultId, truthy(env.get("ANSIBLE_VAULT_ID_MATCH")));
    }

    /** Ansible's {@code split_vault_id}: {@code LABEL@SOURCE}, or a bare SOURCE with no label. */
    private static VaultIdentity identity(String slug, String defaultId, Map<String, String> env, Path home,
            VaultPrompt prompt) {
        int at = slug.indexOf('@');
        Optional<String> label = at < 0 ? Optional.empty() : Optional.of(slug.substring(0, at)).filter(s -> !s.isEmpty());
        String source = at < 0 ? slug : slug.substring(at + 1);
        String id = label.orElse(defaultId);
        return switch (source) {
            case "prompt" -> new VaultIdentity(id, new PasswordPrompt("Vault password (" + id + ")", prompt));
            case "prompt_ask_vault_pass" -> new VaultIdentity(id, new PasswordPrompt("Vault password", prompt));
            default -> new VaultIdentity(id, new PasswordPath(path(source, env, home), label));
        };
    }

    /** Ansible's {@code unfrackpath}: {@code ~} and {@code $VAR} expanded, made absolute, links not followed. */
    static Path path(String text, Map<String, String> env, Path home) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (m.find()) {
            String name = m.group(2) != null ? m.group(2) : m.group(1);
            m.appendReplacement(expanded, Matcher.quoteReplacement(env.getOrDefault(name, m.group())));
        }
        m.appendTail(expanded);
        String s = expanded.toString();
        Path p = s.equals("~") ? home : s.startsWith("~/") ? home.resolve(s.substring(2)) : Path.of(s);
        return p.toAbsolutePath().normalize();
    }

    private static List<String> list(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean truthy(String value) {
        return value != null && TRUE.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
