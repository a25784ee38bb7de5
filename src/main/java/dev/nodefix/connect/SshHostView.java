package dev.nodefix.connect;

import dev.nodefix.inventory.Sourced;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the OpenSSH client config says for one destination, as {@code ssh -G} would decide it, each value with
 * the config line that set it. Empty and empty lists: the config says nothing (ssh's defaults apply).
 *
 * @param proxyJump the ProxyJump value as written ({@code none}, one hop, or several separated by commas)
 */
public record SshHostView(
        Optional<Sourced<String>> hostName,
        Optional<Sourced<String>> user,
        Optional<Sourced<Integer>> port,
        List<Sourced<Path>> identityFiles,
        Optional<Sourced<Boolean>> identitiesOnly,
        Optional<Sourced<String>> proxyJump,
        Optional<Sourced<String>> proxyCommand,
        List<Sourced<Path>> userKnownHostsFiles,
        List<Sourced<Path>> globalKnownHostsFiles,
        Optional<Sourced<String>> strictHostKeyChecking,
        Optional<Sourced<Integer>> connectTimeout,
        Optional<Sourced<String>> identityAgent) {

    public static final SshHostView NONE = new SshHostView(Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public SshHostView {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(port, "port");
        identityFiles = List.copyOf(identityFiles);
        Objects.requireNonNull(identitiesOnly, "identitiesOnly");
        Objects.requireNonNull(proxyJump, "proxyJump");
        Objects.requireNonNull(proxyCommand, "proxyCommand");
        userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
        globalKnownHostsFiles = List.copyOf(globalKnownHostsFiles);
        Objects.requireNonNull(strictHostKeyChecking, "strictHostKeyChecking");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(identityAgent, "identityAgent");
    }
}
