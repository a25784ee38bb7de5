package dev.nodefix.inventory;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A host's {@link Connection} from its merged variables (already checked by {@link VariableRules}):
 * ansible_host, ansible_port (else {@code -o Port=} from ansible_ssh_common_args, else 22), ansible_user,
 * ansible_ssh_private_key_file ({@code ~} expanded), ansible_become, ansible_become_user, and from the
 * common args ProxyJump/-J, UserKnownHostsFile and StrictHostKeyChecking; nodefix_jump wins over ProxyJump.
 * The older {@code ansible_ssh_host/_port/_user} and {@code ansible_private_key_file} are read as fallbacks.
 */
final class ConnectionResolver {
    private static final Set<String> TRUE_WORDS = Set.of("y", "yes", "on", "1", "true", "t");

    private final Path home;

    ConnectionResolver(Path home) {
        this.home = home;
    }

    Connection resolve(String hostName, Map<String, Object> vars) {
        SshArgs ssh = text(vars, "ansible_ssh_common_args").map(SshArgs::parse)
                .orElse(new SshArgs(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        String address = text(vars, "ansible_host").or(() -> text(vars, "ansible_ssh_host")).orElse(hostName);
        int port = text(vars, "ansible_port").or(() -> text(vars, "ansible_ssh_port"))
                .map(p -> Ports.parse(p).orElseThrow())
                .or(() -> ssh.port())
                .orElse(Connection.DEFAULT_PORT);
        Optional<Jump> jump = text(vars, "nodefix_jump").isPresent()
                ? ProxyJump.parse(text(vars, "nodefix_jump").orElseThrow())
                : ssh.proxyJump().flatMap(ProxyJump::parse);
        return new Connection(address, port,
                text(vars, "ansible_user").or(() -> text(vars, "ansible_ssh_user")),
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
