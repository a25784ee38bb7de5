package dev.nodefix.connect;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Location;
import dev.nodefix.inventory.Sourced;
import dev.nodefix.vault.Vaulted;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Decides each connection setting of a host the way {@code ansible} + {@code ssh} decide it, nodefix's command line
 * first. Ansible puts its own settings on ssh's command line, where they beat the ssh config (the first value wins):
 * the inventory's {@code ansible_*} variables, then ansible.cfg / {@code ANSIBLE_*}, then
 * {@code ansible_ssh_common_args}; the ssh config (for the destination ansible gives ssh) fills in what none of them
 * set; then the defaults. {@code host_key_checking = False} lowers strictness at most to accept-new.
 */
public final class ConnectionMerge {
    private static final int DEFAULT_TIMEOUT = 10;

    private final AnsibleDefaults cfg;
    private final SshLookup ssh;
    private final CommandLineOverrides cli;
    private final VarOrigins origins;
    private final Path home;
    private final String localUser;
    private final Function<Vaulted, String> unvault;

    public ConnectionMerge(AnsibleDefaults cfg, SshLookup ssh, CommandLineOverrides cli, VarOrigins origins,
            Path home, String localUser) {
        this(cfg, ssh, cli, origins, home, localUser, v -> {
            throw new SetupException(v.location(), "a connection variable is vaulted and no vault password was given");
        });
    }

    /** @param unvault decrypts a vaulted connection variable */
    public ConnectionMerge(AnsibleDefaults cfg, SshLookup ssh, CommandLineOverrides cli, VarOrigins origins,
            Path home, String localUser, Function<Vaulted, String> unvault) {
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        this.ssh = Objects.requireNonNull(ssh, "ssh");
        this.cli = Objects.requireNonNull(cli, "cli");
        this.origins = Objects.requireNonNull(origins, "origins");
        this.home = Objects.requireNonNull(home, "home");
        this.localUser = Objects.requireNonNull(localUser, "localUser");
        this.unvault = Objects.requireNonNull(unvault, "unvault");
    }

    public EffectiveConnection resolve(Host host) {
        HostVars vars = new HostVars(host, origins, unvault);
        Connection inv = host.connection();
        SshArgsFrom lead = SshArgsFrom.of(cfg.sshArgs());
        SshArgsFrom common = SshArgsFrom.of(vars.text("ansible_ssh_common_args").or(cfg::sshCommonArgs));
        Sourced<String> destination = vars.first("ansible_host", "ansible_ssh_host")
                .orElse(new Sourced<>(host.name(), new Location("inventory host name", 0, 0)));
        Optional<Sourced<String>> userBeforeSsh = cli.user().map(u -> Sourced.from(u, "-u/--user"))
                .or(() -> vars.first("ansible_user", "ansible_ssh_user")).or(cfg::remoteUser);
        SshHostView view = ssh.forHost(destination.value(), userBeforeSsh.map(Sourced::value));
        return new EffectiveConnection(host.name(), destination,
                view.hostName().orElse(destination),
                port(vars, lead, common, inv, view),
                userBeforeSsh.or(view::user).orElse(Sourced.byDefault(localUser, "the local user, as ssh")),
                identityFiles(vars, view), identityFilesDefault(vars, view),
                view.identitiesOnly().orElse(Sourced.byDefault(false, "")),
                new JumpResolution(ssh, localUser).jump(lead.sourced(lead.args().proxyJump()), common, vars, inv, view),
                userKnownHosts(lead, common, view), globalKnownHosts(view),
                hostKeyChecking(lead, common, view),
                connectTimeout(vars, view),
                identityAgent(view),
                become(vars), becomeUser(vars));
    }

    /** IdentityAgent none, the agent of SSH_AUTH_SOCK or a socket path; anything else is refused, not ignored. */
    private static Optional<Sourced<String>> identityAgent(SshHostView view) {
        return IdentityAgentChoice.checked(view.identityAgent());
    }

    /** ssh_args first (Ansible puts them first on ssh's command line), then ansible_port, remote_port, common args. */
    private Sourced<Integer> port(HostVars vars, SshArgsFrom lead, SshArgsFrom common, Connection inv,
            SshHostView view) {
        return lead.sourced(lead.args().port())
                .or(() -> vars.first("ansible_port", "ansible_ssh_port").map(p -> new Sourced<>(inv.port(), p.origin())))
                .or(cfg::remotePort)
                .or(() -> common.sourced(common.args().port()))
                .or(view::port)
                .orElse(Sourced.byDefault(Connection.DEFAULT_PORT, ""));
    }

    private List<Sourced<Path>> identityFiles(HostVars vars, SshHostView view) {
        if (cli.key().isPresent()) {
            return List.of(Sourced.from(cli.key().get(), "--key/--private-key"));
        }
        List<Sourced<Path>> keys = new ArrayList<>();
        vars.first("ansible_ssh_private_key_file", "ansible_private_key_file")
                .map(k -> new Sourced<>(expand(k.value()), k.origin()))
                .or(cfg::privateKeyFile).ifPresent(keys::add);
        keys.addAll(view.identityFiles());
        if (keys.isEmpty()) {
            Stream.of("id_ed25519", "id_ecdsa", "id_rsa")
                    .forEach(k -> keys.add(Sourced.byDefault(home.resolve(".ssh").resolve(k), "")));
        }
        return keys;
    }

    private boolean identityFilesDefault(HostVars vars, SshHostView view) {
        return cli.key().isEmpty() && vars.first("ansible_ssh_private_key_file", "ansible_private_key_file").isEmpty()
                && cfg.privateKeyFile().isEmpty() && view.identityFiles().isEmpty();
    }

    private List<Sourced<Path>> userKnownHosts(SshArgsFrom lead, SshArgsFrom common, SshHostView view) {
        if (cli.knownHosts().isPresent()) {
            return List.of(Sourced.from(cli.knownHosts().get(), "--known-hosts"));
        }
        Optional<Sourced<String>> given = lead.sourced(lead.args().userKnownHostsFile())
                .or(() -> common.sourced(common.args().userKnownHostsFile()));
        if (given.isPresent()) {
            return List.of(new Sourced<>(expand(given.get().value()), given.get().origin()));
        }
        if (!view.userKnownHostsFiles().isEmpty()) {
            return view.userKnownHostsFiles();
        }
        return List.of(Sourced.byDefault(home.resolve(".ssh/known_hosts"), ""));
    }

    private static List<Sourced<Path>> globalKnownHosts(SshHostView view) {
        if (!view.globalKnownHostsFiles().isEmpty()) {
            return view.globalKnownHostsFiles();
        }
        return List.of(Sourced.byDefault(Path.of("/etc/ssh/ssh_known_hosts"), ""),
                Sourced.byDefault(Path.of("/etc/ssh/ssh_known_hosts2"), ""));
    }

    private Sourced<String> hostKeyChecking(SshArgsFrom lead, SshArgsFrom common, SshHostView view) {
        if (cli.acceptNewHostKeys()) {
            return Sourced.from("accept-new", "--accept-new-host-keys");
        }
        Optional<Sourced<String>> first = lead.sourced(lead.args().strictHostKeyChecking());
        Optional<Sourced<Boolean>> off = cfg.hostKeyChecking().filter(c -> !c.value());
        if (first.isEmpty() && off.isPresent()) {
            return new Sourced<>("accept-new", off.get().origin());
        }
        return first.or(() -> common.sourced(common.args().strictHostKeyChecking()))
                .or(view::strictHostKeyChecking)
                .map(s -> new Sourced<>(policy(s.value()), s.origin()))
                .orElse(Sourced.byDefault("yes", "strict"));
    }

    /** OpenSSH's words to nodefix's two policies: {@code no}/{@code off} never mean "accept a changed key". */
    private static String policy(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "accept-new", "no", "off", "false" -> "accept-new";
            default -> "yes";
        };
    }

    private Sourced<Integer> connectTimeout(HostVars vars, SshHostView view) {
        return cli.connectTimeout().map(t -> Sourced.from(t, "--connect-timeout"))
                .or(() -> vars.integer("ansible_timeout", "ansible_ssh_timeout"))
                .or(cfg::timeout)
                .or(view::connectTimeout)
                .orElse(Sourced.byDefault(DEFAULT_TIMEOUT, ""));
    }

    private Sourced<Boolean> become(HostVars vars) {
        if (cli.become()) {
            return Sourced.from(true, "-b/--become");
        }
        return vars.first("ansible_become").map(b -> new Sourced<>(vars.host().connection().become(), b.origin()))
                .or(cfg::become).orElse(Sourced.byDefault(false, ""));
    }

    private Sourced<String> becomeUser(HostVars vars) {
        return cli.becomeUser().map(u -> Sourced.from(u, "--become-user"))
                .or(() -> vars.first("ansible_become_user")).or(cfg::becomeUser)
                .orElse(Sourced.byDefault("root", ""));
    }

    private Path expand(String path) {
        if (path.equals("~")) {
            return home;
        }
        return path.startsWith("~/") ? home.resolve(path.substring(2)) : Path.of(path);
    }
}
