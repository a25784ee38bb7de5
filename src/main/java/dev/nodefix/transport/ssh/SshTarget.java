package dev.nodefix.transport.ssh;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Jump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One SSH endpoint with everything decided: where, as whom, with which keys, checked against which
 * known_hosts files under which policy. Built from the inventory's {@link Connection} and the
 * command-line {@link SshSettings}, which win.
 *
 * @param host             the inventory name, for messages
 * @param address          the name or address dialled; also the name a host certificate must list
 * @param keys             private key files to offer, in order (OpenSSH's IdentityFile lines)
 * @param keysExplicit     true when the keys were named (--key or the inventory): a missing one is an error
 * @param identitiesOnly   OpenSSH's IdentitiesOnly: offer only the agent keys that match one of {@code keys}
 * @param knownHostsFiles  user known_hosts files, read in order; accept-new records in the first
 * @param globalKnownHosts system known_hosts files, read only
 */
public record SshTarget(String host, String address, int port, String user, List<Path> keys, boolean keysExplicit,
                        boolean identitiesOnly, List<Path> knownHostsFiles, List<Path> globalKnownHosts,
                        HostKeyPolicy policy) {
    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        keys = List.copyOf(keys);
        knownHostsFiles = List.copyOf(knownHostsFiles);
        if (knownHostsFiles.isEmpty()) {
            throw new IllegalArgumentException("no user known_hosts file");
        }
        globalKnownHosts = List.copyOf(globalKnownHosts);
        Objects.requireNonNull(policy, "policy");
    }

    /** The node itself. User: -u, else ansible_user, else the local user. */
    public static SshTarget of(Host host, SshSettings settings, String localUser) {
        Connection c = host.connection();
        String user = settings.user().or(c::user).orElse(localUser);
        return new SshTarget(host.name(), c.address(), c.port(), user, keys(settings, c), explicit(settings, c),
                false, List.of(knownHostsFile(settings, c)), settings.globalKnownHosts(), HostKeyPolicy.of(settings, c));
    }

    /** The jump host in front of a node: same rules, but a user written in the jump spec wins. */
    public static SshTarget jump(Host host, Jump jump, SshSettings settings, String localUser) {
        Connection c = host.connection();
        String user = jump.user().or(settings::user).or(c::user).orElse(localUser);
        return new SshTarget(host.name(), jump.host(), jump.port(), user, keys(settings, c), explicit(settings, c),
                false, List.of(knownHostsFile(settings, c)), settings.globalKnownHosts(), HostKeyPolicy.of(settings, c));
    }

    /** The same target with OpenSSH's IdentitiesOnly set as given. */
    public SshTarget withIdentitiesOnly(boolean only) {
        return new SshTarget(host, address, port, user, keys, keysExplicit, only, knownHostsFiles, globalKnownHosts,
                policy);
    }

    /** {@code address:port}, IPv6 in brackets. */
    public String endpoint() {
        return HostKeyVerdict.endpoint(address, port);
    }

    private static List<Path> keys(SshSettings settings, Connection c) {
        return settings.key().or(c::identityFile).map(List::of)
                .orElseGet(() -> settings.defaultKeys().stream().filter(Files::isRegularFile).toList());
    }

    private static boolean explicit(SshSettings settings, Connection c) {
        return settings.key().isPresent() || c.identityFile().isPresent();
    }

    /** --known-hosts, else the inventory's UserKnownHostsFile, else the default (~/.ssh/known_hosts). */
    private static Path knownHostsFile(SshSettings settings, Connection c) {
        return settings.knownHostsFromCommandLine()
                ? settings.knownHosts() : c.knownHostsFile().orElse(settings.knownHosts());
    }
}
