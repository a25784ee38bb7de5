package dev.nodefix.transport.ssh;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Jump;
import dev.nodefix.transport.SshSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One SSH endpoint with everything decided: where, as whom, with which keys, checked against which
 * known_hosts files under which policy. Built from the host's merged {@link Connection} (inventory, ansible.cfg,
 * ssh config) and the command-line {@link SshSettings}, which win.
 *
 * @param host             the inventory name, for messages
 * @param address          the name or address dialled; also the name a host certificate must list
 * @param keys             private key files to offer, in order (OpenSSH's IdentityFile lines)
 * @param keysExplicit     true when the keys were named (--key or the inventory): a missing one is an error
 * @param identitiesOnly   OpenSSH's IdentitiesOnly: offer only the agent keys that match one of {@code keys}
 * @param knownHostsFiles  user known_hosts files, read in order; accept-new records in the first
 * @param globalKnownHosts system known_hosts files, read only
 * @param connectTimeout   how long the TCP connect and SSH handshake may take
 * @param agentSocket      the ssh-agent whose keys are offered: the ssh config's IdentityAgent, else SSH_AUTH_SOCK;
 *                         empty for none (also {@code IdentityAgent none})
 */
public record SshTarget(String host, String address, int port, String user, List<Path> keys, boolean keysExplicit,
                        boolean identitiesOnly, List<Path> knownHostsFiles, List<Path> globalKnownHosts,
                        HostKeyPolicy policy, Duration connectTimeout, Optional<Path> agentSocket) {
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
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(agentSocket, "agentSocket");
    }

    /** The node itself. User: -u, else ansible_user, else the local user. */
    public static SshTarget of(Host host, SshSettings settings, String localUser) {
        Connection c = host.connection();
        String user = settings.user().or(c::user).orElse(localUser);
        return new SshTarget(host.name(), c.address(), c.port(), user, keys(settings, c), explicit(settings, c),
                c.extras().identitiesOnly(), knownHostsFiles(settings, c), globalKnownHosts(settings, c),
                HostKeyPolicy.of(settings, c), c.extras().connectTimeout().orElse(settings.connectTimeout()),
                agent(settings, c.extras().identityAgent(), c.extras().noAgent()));
    }

    /**
     * The jump host in front of a node, as ssh's separate {@code ssh [-l user] jumphost} reaches it. User: the jump
     * spec's (merged with the jump host's ssh config), else the local user, never -u or the node's. Keys: the jump
     * host's own IdentityFiles, else the node's (a convenience: ssh would use its defaults). Agent: the jump host's
     * own IdentityAgent (none, a socket), else SSH_AUTH_SOCK's. Known_hosts files, host-key policy, IdentitiesOnly
     * and timeout: the node's (ssh would use the jump host's config).
     */
    public static SshTarget jump(Host host, Jump jump, SshSettings settings, String localUser) {
        Connection c = host.connection();
        boolean own = !jump.identityFiles().isEmpty();
        return new SshTarget(host.name(), jump.host(), jump.port(), jump.user().orElse(localUser),
                own ? jump.identityFiles() : keys(settings, c), own || explicit(settings, c),
                c.extras().identitiesOnly(), knownHostsFiles(settings, c), globalKnownHosts(settings, c),
                HostKeyPolicy.of(settings, c), c.extras().connectTimeout().orElse(settings.connectTimeout()),
                agent(settings, jump.identityAgent(), jump.noAgent()));
    }

    /** The same target with OpenSSH's IdentitiesOnly set as given. */
    public SshTarget withIdentitiesOnly(boolean only) {
        return new SshTarget(host, address, port, user, keys, keysExplicit, only, knownHostsFiles, globalKnownHosts,
                policy, connectTimeout, agentSocket);
    }

    /** {@code address:port}, IPv6 in brackets. */
    public String endpoint() {
        return HostKeyVerdict.endpoint(address, port);
    }

    /** --key; else the connection's identity files (inventory or ansible.cfg first, then the ssh config); else defaults. */
    private static List<Path> keys(SshSettings settings, Connection c) {
        if (settings.key().isPresent()) {
            return List.of(settings.key().get());
        }
        List<Path> keys = new ArrayList<>();
        c.identityFile().ifPresent(keys::add);
        keys.addAll(c.extras().identityFiles());
        return keys.isEmpty() ? settings.defaultKeys().stream().filter(Files::isRegularFile).toList() : keys;
    }

    /** {@code IdentityAgent none}: no agent; a socket from the ssh config; else SSH_AUTH_SOCK's (the settings'). */
    private static Optional<Path> agent(SshSettings settings, Optional<Path> identityAgent, boolean none) {
        return none ? Optional.empty() : identityAgent.or(settings::agentSocket);
    }

    private static boolean explicit(SshSettings settings, Connection c) {
        return settings.key().isPresent() || c.identityFile().isPresent() || !c.extras().identityFiles().isEmpty();
    }

    /** --known-hosts, else the connection's UserKnownHostsFile list (inventory, ssh config), else ~/.ssh/known_hosts. */
    private static List<Path> knownHostsFiles(SshSettings settings, Connection c) {
        if (settings.knownHostsFromCommandLine()) {
            return List.of(settings.knownHosts());
        }
        List<Path> files = new ArrayList<>();
        files.add(c.knownHostsFile().orElse(settings.knownHosts()));
        files.addAll(c.extras().userKnownHostsFiles());
        return files;
    }

    /** The ssh config's GlobalKnownHostsFile, else the settings' (/etc/ssh/ssh_known_hosts, ..._known_hosts2). */
    private static List<Path> globalKnownHosts(SshSettings settings, Connection c) {
        return c.extras().globalKnownHostsFiles().isEmpty() ? settings.globalKnownHosts()
                : c.extras().globalKnownHostsFiles();
    }
}
