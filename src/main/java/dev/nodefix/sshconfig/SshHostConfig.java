package dev.nodefix.sshconfig;

import dev.nodefix.inventory.Sourced;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the OpenSSH client config says for one host, each value with the line that set it (first value
 * wins; IdentityFile and CertificateFile accumulate). Path values are expanded as ssh expands them
 * ({@code ~}, {@code %}-tokens, {@code ${VAR}}); GlobalKnownHostsFile stays as written, as in ssh.
 * {@code effective...} methods add ssh's defaults, with a "default" origin.
 *
 * @param host the name given to ssh (ansible_host or the inventory name); ssh's %n
 * @param commandLineUser a user given on the command line, which wins over {@code user}
 * @param localUser the local user name (%u, and the user when none is set)
 * @param home the home directory {@code ~} stood for
 * @param hostName HostName, %h expanded and lower-cased as ssh uses it
 * @param user User from the config (even when {@code commandLineUser} overrides it)
 * @param identityAgent IdentityAgent expanded; {@code none}, {@code SSH_AUTH_SOCK} and {@code $VAR} stay as written
 * @param proxyCommand ProxyCommand as written (ProxyCommand none is absent)
 * @param userKnownHostsFiles the list of the first UserKnownHostsFile line; empty for {@code none}
 * @param globalKnownHostsFiles the list of the first GlobalKnownHostsFile line; empty for {@code none}
 */
public record SshHostConfig(
        String host,
        Optional<String> commandLineUser,
        String localUser,
        Path home,
        Optional<Sourced<String>> hostName,
        Optional<Sourced<String>> user,
        Optional<Sourced<Integer>> port,
        List<Sourced<String>> identityFiles,
        Optional<Sourced<Boolean>> identitiesOnly,
        Optional<Sourced<String>> identityAgent,
        Optional<Sourced<ProxyJump>> proxyJump,
        Optional<Sourced<String>> proxyCommand,
        Optional<Sourced<List<String>>> userKnownHostsFiles,
        Optional<Sourced<List<String>>> globalKnownHostsFiles,
        Optional<Sourced<StrictHostKeyChecking>> strictHostKeyChecking,
        Optional<Sourced<Duration>> connectTimeout,
        List<Sourced<String>> certificateFiles,
        Optional<Sourced<Duration>> serverAliveInterval) {

    /** ssh's default identity files, in the order ssh tries them. */
    public static final List<String> DEFAULT_IDENTITY_FILES = List.of(
            "id_rsa", "id_ecdsa", "id_ecdsa_sk", "id_ed25519", "id_ed25519_sk", "id_xmss", "id_dsa");

    public SshHostConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(commandLineUser, "commandLineUser");
        Objects.requireNonNull(localUser, "localUser");
        Objects.requireNonNull(home, "home");
        identityFiles = List.copyOf(identityFiles);
        certificateFiles = List.copyOf(certificateFiles);
    }

    /** HostName, else the name given (lower-cased, as ssh connects to it). */
    public Sourced<String> effectiveHostName() {
        return hostName.orElse(Sourced.byDefault(host.toLowerCase(Locale.ROOT), "the host name given"));
    }

    /** The command-line user, else User, else the local user. */
    public Sourced<String> effectiveUser() {
        return commandLineUser.map(u -> Sourced.from(u, "command line"))
                .orElse(user.orElse(Sourced.byDefault(localUser, "local user")));
    }

    public Sourced<Integer> effectivePort() {
        return port.orElse(Sourced.byDefault(22, ""));
    }

    /** IdentityFile lines, else ssh's default list under {@code ~/.ssh}. */
    public List<Sourced<String>> effectiveIdentityFiles() {
        if (!identityFiles.isEmpty()) {
            return identityFiles;
        }
        return DEFAULT_IDENTITY_FILES.stream()
                .map(f -> Sourced.byDefault(home.resolve(".ssh").resolve(f).toString(), "")).toList();
    }

    public Sourced<Boolean> effectiveIdentitiesOnly() {
        return identitiesOnly.orElse(Sourced.byDefault(false, ""));
    }

    public Sourced<List<String>> effectiveUserKnownHostsFiles() {
        return userKnownHostsFiles.orElse(Sourced.byDefault(List.of(
                home.resolve(".ssh/known_hosts").toString(), home.resolve(".ssh/known_hosts2").toString()), ""));
    }

    public Sourced<List<String>> effectiveGlobalKnownHostsFiles() {
        return globalKnownHostsFiles.orElse(Sourced.byDefault(
                List.of("/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2"), ""));
    }

    public Sourced<StrictHostKeyChecking> effectiveStrictHostKeyChecking() {
        return strictHostKeyChecking.orElse(Sourced.byDefault(StrictHostKeyChecking.ASK, ""));
    }

    public Sourced<Duration> effectiveServerAliveInterval() {
        return serverAliveInterval.orElse(Sourced.byDefault(Duration.ZERO, ""));
    }
}
