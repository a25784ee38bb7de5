package dev.nodefix.transport;

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
 * @param handshakes       at most this many handshakes in flight at once ({@code --handshakes}), apart from how many
 *                         hosts are worked on at once
 * @param connectRetries   tries after the first for a handshake an overloaded server dropped ({@code --connect-retries})
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
        Optional<Path> agentSocket,
        int handshakes,
        int connectRetries) {

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
        if (handshakes < 1) {
            throw new IllegalArgumentException("handshakes must be at least 1: " + handshakes);
        }
        if (connectRetries < 0) {
            throw new IllegalArgumentException("connect retries must be at least 0: " + connectRetries);
        }
    }

    /** Settings with this machine's default handshake limit and {@link RetryPolicy#DEFAULT_RETRIES}. */
    public SshSettings(Duration connectTimeout, Duration commandTimeout, Duration keepAlive, Path knownHosts,
                       boolean knownHostsFromCommandLine, boolean acceptNewHostKeys, Optional<String> user,
                       Optional<Path> key, List<Path> defaultKeys, SecretSource secrets, List<Path> globalKnownHosts,
                       Optional<Path> agentSocket) {
        this(connectTimeout, commandTimeout, keepAlive, knownHosts, knownHostsFromCommandLine, acceptNewHostKeys,
                user, key, defaultKeys, secrets, globalKnownHosts, agentSocket,
                defaultHandshakes(Runtime.getRuntime().availableProcessors()), RetryPolicy.DEFAULT_RETRIES);
    }

    /**
     * The default handshake limit for a machine with {@code processors} CPUs: 4 per CPU, at least 8, at most 32. A
     * handshake's key exchange and signature take CPU here, and on a busy controller every extra one in flight
     * stretches all of them towards the connect timeout. Measured on 2 CPUs already loaded (load average ~22), 100
     * lab nodes: the slowest handshake took 0.8 s with 8 in flight, 1.4-2.2 s with 16 and 3.1-3.7 s with 50, while
     * the whole run took the same ~10 s with 8, 16 or 50.
     */
    public static int defaultHandshakes(int processors) {
        return Math.max(8, Math.min(32, 4 * processors));
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
                acceptNewHostKeys, user, key, defaultKeys, secrets, globalKnownHosts, socket, handshakes, connectRetries);
    }

    /** The same settings with {@code limit} handshakes at once and {@code retries} tries after the first. */
    public SshSettings withHandshakes(int limit, int retries) {
        return new SshSettings(connectTimeout, commandTimeout, keepAlive, knownHosts, knownHostsFromCommandLine,
                acceptNewHostKeys, user, key, defaultKeys, secrets, globalKnownHosts, agentSocket, limit, retries);
    }

    public SshSettings withGlobalKnownHosts(List<Path> files) {
        return new SshSettings(connectTimeout, commandTimeout, keepAlive, knownHosts, knownHostsFromCommandLine,
                acceptNewHostKeys, user, key, defaultKeys, secrets, files, agentSocket, handshakes, connectRetries);
    }
}
