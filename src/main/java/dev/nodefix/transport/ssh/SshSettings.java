package dev.nodefix.transport.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Transport configuration as data: timeouts, host-key policy, and the command-line overrides that win
 * over the inventory ({@code -u}, {@code --key}, {@code --known-hosts}).
 *
 * @param knownHosts     the known_hosts file used when the inventory names none (~/.ssh/known_hosts)
 * @param defaultKeys    keys tried when neither the inventory nor --key names one (~/.ssh/id_*)
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
        SecretSource secrets) {

    public SshSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(key, "key");
        defaultKeys = List.copyOf(defaultKeys);
        Objects.requireNonNull(secrets, "secrets");
    }
}
