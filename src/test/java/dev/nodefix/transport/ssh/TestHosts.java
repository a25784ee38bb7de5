package dev.nodefix.transport.ssh;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Role;
import dev.nodefix.transport.EnvironmentSecrets;
import dev.nodefix.transport.SshSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hosts and settings for transport tests, built from the records directly (no inventory parser). */
public final class TestHosts {
    private TestHosts() {
    }

    public static Host host(String name, Connection connection) {
        return new Host(name, Map.of(), List.of(), connection, Role.UNKNOWN);
    }

    /** {@code name} at 127.0.0.1:port as user "tester". */
    public static Host local(String name, int port) {
        return host(name, Connection.to("127.0.0.1").withPort(port).withUser("tester"));
    }

    /** Strict checking against {@code knownHosts} only (no global files, no agent), the given key, timeouts roomy enough for a loaded CI box. */
    public static SshSettings settings(Path knownHosts, Optional<Path> key, Map<String, String> env) {
        return new SshSettings(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(15), knownHosts,
                false, false, Optional.empty(), key, List.of(), new EnvironmentSecrets(env), List.of(), Optional.empty());
    }

    public static SshSettings acceptingNew(SshSettings s) {
        return new SshSettings(s.connectTimeout(), s.commandTimeout(), s.keepAlive(), s.knownHosts(),
                s.knownHostsFromCommandLine(), true, s.user(), s.key(), s.defaultKeys(), s.secrets(),
                s.globalKnownHosts(), s.agentSocket(), s.handshakes(), s.connectRetries());
    }

    public static SshSettings withCommandTimeout(SshSettings s, Duration timeout) {
        return new SshSettings(s.connectTimeout(), timeout, s.keepAlive(), s.knownHosts(),
                s.knownHostsFromCommandLine(), s.acceptNewHostKeys(), s.user(), s.key(), s.defaultKeys(), s.secrets(),
                s.globalKnownHosts(), s.agentSocket(), s.handshakes(), s.connectRetries());
    }

    public static SshSettings withConnectTimeout(SshSettings s, Duration timeout) {
        return new SshSettings(timeout, s.commandTimeout(), s.keepAlive(), s.knownHosts(),
                s.knownHostsFromCommandLine(), s.acceptNewHostKeys(), s.user(), s.key(), s.defaultKeys(), s.secrets(),
                s.globalKnownHosts(), s.agentSocket(), s.handshakes(), s.connectRetries());
    }
}
