package dev.nodefix.connect;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Jump;
import dev.nodefix.inventory.SshExtras;
import dev.nodefix.inventory.Sourced;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every setting that decides how one host is reached, merged from the command line, the inventory, ansible.cfg,
 * the OpenSSH client config and the defaults, each with where its value came from ({@code inventory --host H
 * --explain} prints this). {@link #connection()} is what the transport uses.
 *
 * @param destination     the name ssh is given: ansible_host, else the inventory name (the ssh config matches it)
 * @param address         where the TCP connection goes: the ssh config's HostName for the destination, else it
 * @param identityFiles   keys offered in order; defaults when nothing names one
 * @param hostKeyChecking nodefix's policy: {@code yes} (strict) or {@code accept-new}; never OpenSSH's {@code no}
 * @param identityAgent   the ssh config's IdentityAgent: {@code none} (no agent), SSH_AUTH_SOCK, or a socket path
 */
public record EffectiveConnection(
        String host,
        Sourced<String> destination,
        Sourced<String> address,
        Sourced<Integer> port,
        Sourced<String> user,
        List<Sourced<Path>> identityFiles,
        boolean identityFilesDefault,
        Sourced<Boolean> identitiesOnly,
        Optional<Sourced<Jump>> jump,
        List<Sourced<Path>> userKnownHostsFiles,
        List<Sourced<Path>> globalKnownHostsFiles,
        Sourced<String> hostKeyChecking,
        Sourced<Integer> connectTimeout,
        Optional<Sourced<String>> identityAgent,
        Sourced<Boolean> become,
        Sourced<String> becomeUser) {

    public EffectiveConnection {
        Objects.requireNonNull(host, "host");
        identityFiles = List.copyOf(identityFiles);
        Objects.requireNonNull(jump, "jump");
        userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
        globalKnownHostsFiles = List.copyOf(globalKnownHostsFiles);
        Objects.requireNonNull(identityAgent, "identityAgent");
    }

    /** The transport's view: everything decided, nothing left for the transport to look up but the secrets. */
    public Connection connection() {
        List<Path> keys = identityFilesDefault ? List.of() : identityFiles.stream().map(Sourced::value).toList();
        List<Path> knownHosts = userKnownHostsFiles.stream().map(Sourced::value).toList();
        SshExtras extras = new SshExtras(keys.size() > 1 ? keys.subList(1, keys.size()) : List.of(),
                identitiesOnly.value(),
                knownHosts.size() > 1 ? knownHosts.subList(1, knownHosts.size()) : List.of(),
                globalKnownHostsFiles.stream().map(Sourced::value).toList(),
                Optional.of(Duration.ofSeconds(connectTimeout.value())),
                IdentityAgentChoice.socket(identityAgent), IdentityAgentChoice.none(identityAgent));
        return new Connection(address.value(), port.value(), Optional.of(user.value()),
                keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0)),
                become.value(), Optional.of(becomeUser.value()), jump.map(Sourced::value),
                knownHosts.isEmpty() ? Optional.empty() : Optional.of(knownHosts.get(0)),
                Optional.of(hostKeyChecking.value()), extras);
    }
}
