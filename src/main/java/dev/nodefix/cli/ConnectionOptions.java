package dev.nodefix.cli;

import dev.nodefix.connect.CommandLineOverrides;
import dev.nodefix.transport.RetryPolicy;
import dev.nodefix.transport.SecretSource;
import dev.nodefix.transport.SshSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How to connect: fan-out, handshake pacing, host keys, user and key overrides, timeouts. */
public final class ConnectionOptions {
    static final int DEFAULT_FORKS = 50;
    static final int DEFAULT_CONNECT_TIMEOUT = 10;

    @Option(names = {"-f", "--forks"}, paramLabel = "N",
            description = "Hosts worked on in parallel (default: ansible.cfg's forks, else 50).")
    Integer forks;

    @Option(names = "--handshakes", paramLabel = "N",
            description = "SSH handshakes in flight at once, apart from --forks; the connect timeout starts when a"
                    + " handshake's turn comes (default: 4 per CPU, at least 8, at most 32).")
    Integer handshakes;

    @Option(names = "--connect-retries", paramLabel = "N",
            description = "Tries after the first for a handshake that timed out or was closed before key exchange"
                    + " (an overloaded sshd), with a growing pause (default: ansible.cfg's [ssh_connection] retries,"
                    + " else 2).")
    Integer connectRetries;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "known_hosts file for every host (default: UserKnownHostsFile from Ansible's ssh arguments or the"
                    + " ssh config, else ~/.ssh/known_hosts; /etc/ssh/ssh_known_hosts is read too).")
    Path knownHosts;

    @Option(names = "--accept-new-host-keys",
            description = "Record keys of hosts not yet in known_hosts (like OpenSSH's accept-new). A changed key is still refused.")
    boolean acceptNewHostKeys;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Log in as USER (overrides ansible_user).")
    String user;

    @Option(names = {"--key", "--private-key"}, paramLabel = "FILE",
            description = "The only private key offered (overrides ansible_ssh_private_key_file, ansible.cfg and the ssh"
                    + " config; default: those, else ~/.ssh/id_ed25519, id_ecdsa, id_rsa).")
    Path key;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS",
            description = "Give up connecting after this long (default: ansible_timeout, ansible.cfg's timeout,"
                    + " the ssh config's ConnectTimeout, else 10).")
    Integer connectTimeout;

    @Option(names = {"-T", "--timeout"}, paramLabel = "SECONDS", defaultValue = "60",
            description = "Give up on a command after this long (default: ${DEFAULT-VALUE}).")
    int commandTimeout;

    @Option(names = {"-k", "--ask-pass"}, description = "Prompt for the SSH login password (else NODEFIX_SSH_PASSWORD).")
    boolean askPass;

    /** {@code -f}, else ansible.cfg's forks, else 50. */
    public int forks(Optional<Integer> configured) {
        return forks != null ? forks : configured.orElse(DEFAULT_FORKS);
    }

    /** {@code -f} as given, for commands that pass it on. */
    public Optional<Integer> forksGiven() {
        return Optional.ofNullable(forks);
    }

    public boolean askPass() {
        return askPass;
    }

    /** The options that decide connection settings, for the merge with the operator's files (they win). */
    public CommandLineOverrides overrides(BecomeOptions become) {
        return new CommandLineOverrides(Optional.ofNullable(user), Optional.ofNullable(key), Optional.ofNullable(knownHosts),
                Optional.ofNullable(connectTimeout), acceptNewHostKeys, become.become, Optional.ofNullable(become.becomeUser));
    }

    /** @param configuredRetries ansible.cfg's {@code [ssh_connection] retries} (or {@code ANSIBLE_SSH_RETRIES}) */
    public SshSettings settings(Path home, SecretSource secrets, Optional<Integer> configuredRetries) {
        if (forks != null && forks < 1) {
            throw new IllegalArgumentException("--forks must be at least 1");
        }
        if (handshakes != null && handshakes < 1) {
            throw new IllegalArgumentException("--handshakes must be at least 1 (it limits handshakes in flight at once)");
        }
        if (connectRetries != null && connectRetries < 0) {
            throw new IllegalArgumentException("--connect-retries must be 0 (no retry) or more");
        }
        int retries = connectRetries != null ? connectRetries : configuredRetries.orElse(RetryPolicy.DEFAULT_RETRIES);
        if ((connectTimeout != null && connectTimeout < 1) || commandTimeout < 1) {
            throw new IllegalArgumentException("timeouts must be at least 1 second");
        }
        Path ssh = home.resolve(".ssh");
        return new SshSettings(
                Duration.ofSeconds(connectTimeout != null ? connectTimeout : DEFAULT_CONNECT_TIMEOUT),
                Duration.ofSeconds(commandTimeout),
                Duration.ofSeconds(15),
                knownHosts != null ? knownHosts : ssh.resolve("known_hosts"),
                knownHosts != null,
                acceptNewHostKeys,
                Optional.ofNullable(user),
                Optional.ofNullable(key),
                List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_ecdsa"), ssh.resolve("id_rsa")),
                secrets).withHandshakes(handshakes != null ? handshakes : defaultHandshakes(), retries);
    }

    /** {@link SshSettings#defaultHandshakes} for this machine. */
    static int defaultHandshakes() {
        return SshSettings.defaultHandshakes(Runtime.getRuntime().availableProcessors());
    }
}
