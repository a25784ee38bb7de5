package dev.nodefix.inventory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a host's connection takes from outside the inventory's own variables, once ansible.cfg and the
 * OpenSSH client config are merged in: more identity files, IdentitiesOnly, more known_hosts files, the
 * connect timeout and agent socket. {@link #NONE} while only the inventory has been read.
 *
 * @param identityFiles        keys offered after the connection's own identity file, in order
 * @param userKnownHostsFiles  known_hosts files after the connection's own; accept-new writes to the first of all
 * @param globalKnownHostsFiles read-only known_hosts files (OpenSSH's GlobalKnownHostsFile)
 * @param identityAgent        the ssh config's IdentityAgent socket, used instead of SSH_AUTH_SOCK's
 * @param noAgent              the ssh config says {@code IdentityAgent none}: this host is offered no agent key
 */
public record SshExtras(
        List<Path> identityFiles,
        boolean identitiesOnly,
        List<Path> userKnownHostsFiles,
        List<Path> globalKnownHostsFiles,
        Optional<Duration> connectTimeout,
        Optional<Path> identityAgent,
        boolean noAgent) {

    public static final SshExtras NONE = new SshExtras(List.of(), false, List.of(), List.of(), Optional.empty(),
            Optional.empty(), false);

    public SshExtras {
        identityFiles = List.copyOf(identityFiles);
        userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
        globalKnownHostsFiles = List.copyOf(globalKnownHostsFiles);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(identityAgent, "identityAgent");
    }
}
