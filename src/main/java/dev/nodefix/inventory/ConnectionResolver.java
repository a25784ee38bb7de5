package dev.nodefix.inventory;

import dev.nodefix.vault.Vaulted;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A host's {@link Connection} from its merged variables (already checked by {@link VariableRules}):
 * ansible_host, ansible_port (else {@code -o Port=} from ansible_ssh_common_args, else 22), ansible_user,
 * ansible_ssh_private_key_file ({@code ~} expanded), ansible_become, ansible_become_user, and from the
 * common args ProxyJump/-J, UserKnownHostsFile and StrictHostKeyChecking; nodefix_jump wins over ProxyJump.
 * The older {@code ansible_ssh_host/_port/_user} win over the newer names when both are set, as in Ansible (its
 * config manager takes the last name listed), and {@code ansible_private_key_file} is read as a fallback.
 * A vaulted value among these is decrypted here (and only here), then checked as a literal one would be.
 */
final class ConnectionResolver {
    private static final Set<String> TRUE_WORDS = Set.of("y", "yes", "on", "1", "true", "t");
    /** The variables this class reads. */
    private static final List<String> CONNECTION_VARS = List.of("ansible_ssh_common_args", "ansible_host",
            "ansible_ssh_host", "ansible_port", "ansible_ssh_port", "nodefix_jump", "ansible_user", "ansible_ssh_user",
            "ansible_ssh_private_key_file", "ansible_private_key_file", "ansible_become", "ansible_become_user");

    private final Path home;
    private final VaultOpener vault;
    private final VariableRules rules = new VariableRules();

    ConnectionResolver(Path home, VaultOpener vault) {
        this.home = home;
        this.vault = vault;
    }

    /** Whether resolving these variables means decrypting a vaulted one. */
    boolean needsVault(Map<String, Var> merged) {
        return CONNECTION_VARS.stream().map(merged::get).anyMatch(v -> v != null && v.value() instanceof Vaulted);
    }

    /** The connection from the host's merged variables; a vaulted one it reads is decrypted and checked. */
    Connection resolve(String hostName, Map<String, Var> merged) {
        Map<String, Object> vars = new HashMap<>();
        merged.forEach((name, var) -> vars.put(name, var.value()));
        for (String name : CONNECTION_VARS) {
            Var var = merged.get(name);
            if (var != null && var.value() instanceof Vaulted vaulted) {
                vars.put(name, checked(name, vault.open(vaulted, name), vaulted));
            }
        }
        return resolveValues(hostName, vars);
    }

    /** The decrypted value checked as a literal one; the message shows it as **** (it was secret). */
    private String checked(String name, String plain, Vaulted vaulted) {
        try {
            rules.check(name, plain, vaulted.location());
            return plain;
        } catch (InventoryException e) {
            String message = e.getMessage().substring(vaulted.location().toString().length() + 2);
            throw new InventoryException(vaulted.location(), "(vaulted) " + (plain.isEmpty() ? message : message.replace(plain, "****")));
        }
    }

    private Connection resolveValues(String hostName, Map<String, Object> vars) {
        SshArgs ssh = text(vars, "ansible_ssh_common_args").map(SshArgs::parse)
                .orElse(SshArgs.NONE);
        String address = text(vars, "ansible_ssh_host").or(() -> text(vars, "ansible_host")).orElse(hostName);
        int port = text(vars, "ansible_ssh_port").or(() -> text(vars, "ansible_port"))
                .map(p -> Ports.parse(p).orElseThrow())
                .or(() -> ssh.port())
                .orElse(Connection.DEFAULT_PORT);
        Optional<Jump> jump = text(vars, "nodefix_jump").isPresent()
                ? ProxyJump.parse(text(vars, "nodefix_jump").orElseThrow())
                : ssh.proxyJump().flatMap(ProxyJump::parse);
        return new Connection(address, port,
                text(vars, "ansible_ssh_user").or(() -> text(vars, "ansible_user")),
                text(vars, "ansible_ssh_private_key_file").or(() -> text(vars, "ansible_private_key_file"))
                        .map(this::expandHome),
                text(vars, "ansible_become").map(b -> TRUE_WORDS.contains(b.strip().toLowerCase(Locale.ROOT)))
                        .orElse(false),
                text(vars, "ansible_become_user"),
                jump,
                ssh.userKnownHostsFile().map(this::expandHome),
                ssh.strictHostKeyChecking());
    }

    /** A variable's value as text; unset, null and blank are empty. Booleans read "true"/"false". */
    private static Optional<String> text(Map<String, Object> vars, String name) {
        Object value = vars.get(name);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }

    private Path expandHome(String path) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }
}
