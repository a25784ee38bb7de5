package dev.nodefix.transport.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Transport configuration as data: timeouts, host-key policy, and the command-line overrides that win
 * over the inventory ({@code -u}, {@code --key}, {@code --known-hosts}).
 *
 * @param knownHosts       the user known_hosts file used when the inventory names none (~/.ssh/known_hosts)
 * @param defaultKeys      keys tried when neither the inventory nor --key names one (~/.ssh/id_*)
 * @param globalKnownHosts the system-wide known_hosts files, read but never written (OpenSSH's
 *                         GlobalKnownHostsFile: /etc/ssh/ssh_known_hosts, /etc/ssh/ssh_known_hosts2)
 * @param agentSocket      the ssh-agent socket ({@code SSH_AUTH_SOCK}), if any
 */
public record SshSettings(
        Duration connectTimeout,
        Duration commandTimeout,
        Duration keepAlive,
        Path knownHosts,
        boolean knownHostsFromCommandLine,
        boolean acceptNewHostKeys,
        Optional<String> user,
        Optional<Path> key,
        List<Path> defaultKeys,
        SecretSource secrets,
        List<Path> globalKnownHosts,
        Optional<Path> agentSocket) {

    /** OpenSSH's default GlobalKnownHostsFile. */
    public static final List<Path> DEFAULT_GLOBAL_KNOWN_HOSTS =
            List.of(Path.of("/etc/ssh/ssh_known_hosts"), Path.of("/etc/ssh/ssh_known_hosts2"));

    public SshSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(key, "key");
        defaultKeys = List.copyOf(defaultKeys);
        Objects.requireNonNull(secrets, "secrets");
        globalKnownHosts = List.copyOf(globalKnownHosts);
        Objects.requireNonNull(agentSocket, "agentSocket");
    }

    /** Settings with OpenSSH's global known_hosts files and no agent. */
    public SshSettings(Duration connectTimeout, Duration commandTimeout, Duration keepAlive, Path knownHosts,
                       boolean knownHostsFromCommandLine, boolean acceptNewHostKeys, Optional<String> user,
                       Optional<Path> key, List<Path> defaultKeys, SecretSource secrets) {
        this(connectTimeout, commandTimeout, keepAlive, knownHosts, knownHostsFromCommandLine, acceptNewHostKeys,
                user, key, defaultKeys, secrets, DEFAULT_GLOBAL_KNOWN_HOSTS, Optional.empty());
    }

    /** The same settings with the agent named by {@code SSH_AUTH_SOCK} in {@code env} (none when unset or empty). */
    public SshSettings withAgentFrom(Map<String, String> env) {
        Optional<Path> socket = Optional.ofNullable(env.get("SSH_AUTH_SOCK")).filter(s -> !s.isBlank()).map(Path::of);
        return withAgentSocket(socket);
    }

    public SshSettings withAgentSocket(Optional<Path> socket) {
        return new SshSettings(connectTimeout, commandTimeout, keepAlive, knownHosts, knownHostsFromCommandLine,
                acceptNewHostKeys, user, key, defaultKeys, secrets, globalKnownHosts, socket);
    }

    public SshSettings withGlobalKnownHosts(List<Path> files) {
        return new SshSettings(connectTimeout, commandTimeout, keepAlive, knownHosts, knownHostsFromCommandLine,
                acceptNewHostKeys, user, key, defaultKeys, secrets, files, agentSocket);
    }
}
