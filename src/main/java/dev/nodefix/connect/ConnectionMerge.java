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
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Decides each connection setting of a host the way {@code ansible} + {@code ssh} decide it, nodefix's command line
 * first. Ansible builds ssh's command line as ssh_args, its own {@code -o} options (the inventory's {@code ansible_*}
 * variables, else ansible.cfg / {@code ANSIBLE_*}), then ssh_common_args and ssh_extra_args ({@link SshCommandLine});
 * for ssh the first value wins, so the ssh config (for the destination Ansible gives ssh) fills in only what none of
 * them set; then the defaults. {@code host_key_checking = False} lowers strictness at most to accept-new. Settings
 * nodefix cannot honour are refused with their origin, never ignored.
 */
public final class ConnectionMerge {
    private static final int DEFAULT_TIMEOUT = 10;
    private static final Set<String> SSH_CONNECTIONS = Set.of("ssh", "smart", "paramiko", "ansible.builtin.ssh",
            "ansible.legacy.ssh", "ansible.builtin.paramiko_ssh");
    private static final Set<String> SUDO = Set.of("sudo", "ansible.builtin.sudo");
    private static final Set<String> FALSE_WORDS = Set.of("n", "no", "off", "0", "false", "f");

    private final AnsibleDefaults cfg;
    private final SshLookup ssh;
    private final CommandLineOverrides cli;
    private final VarOrigins origins;
    private final Path home;
    private final String localUser;
    private final Function<Vaulted, String> unvault;
    private final Function<Sourced<String>, SshLookup> configFiles;

    public ConnectionMerge(AnsibleDefaults cfg, SshLookup ssh, CommandLineOverrides cli, VarOrigins origins,
            Path home, String localUser) {
        this(cfg, ssh, cli, origins, home, localUser, v -> {
            throw new SetupException(v.location(), "a connection variable is vaulted and no vault password was given");
        });
    }

    /** @param unvault decrypts a vaulted connection variable */
    public ConnectionMerge(AnsibleDefaults cfg, SshLookup ssh, CommandLineOverrides cli, VarOrigins origins,
            Path home, String localUser, Function<Vaulted, String> unvault) {
        this(cfg, ssh, cli, origins, home, localUser, unvault, file -> {
            throw new SetupException(file.origin(), "-F " + file.value() + ": no ssh config file can be read here");
        });
    }

    /** @param configFiles the ssh config read when Ansible's ssh arguments say {@code -F FILE} */
    public ConnectionMerge(AnsibleDefaults cfg, SshLookup ssh, CommandLineOverrides cli, VarOrigins origins,
            Path home, String localUser, Function<Vaulted, String> unvault,
            Function<Sourced<String>, SshLookup> configFiles) {
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        this.ssh = Objects.requireNonNull(ssh, "ssh");
        this.cli = Objects.requireNonNull(cli, "cli");
        this.origins = Objects.requireNonNull(origins, "origins");
        this.home = Objects.requireNonNull(home, "home");
        this.localUser = Objects.requireNonNull(localUser, "localUser");
        this.unvault = Objects.requireNonNull(unvault, "unvault");
        this.configFiles = Objects.requireNonNull(configFiles, "configFiles");
    }

    public EffectiveConnection resolve(Host host) {
        HostVars vars = new HostVars(host, origins, unvault);
        refuseUnsupported(vars);
        Connection inv = host.connection();
        SshCommandLine line = SshCommandLine.of(vars, cfg);
        // Ansible reads the last name listed for an option: the older ansible_ssh_* names win
        Sourced<String> destination = vars.first("ansible_ssh_host", "ansible_host")
                .orElse(new Sourced<>(host.name(), new Location("inventory host name", 0, 0)));
        Optional<Sourced<String>> userBeforeSsh = cli.user().map(u -> Sourced.from(u, "-u/--user"))
                .or(() -> line.before("user"))
                .or(() -> vars.first("ansible_ssh_user", "ansible_user")).or(cfg::remoteUser)
                .or(() -> line.after("user"));
        SshLookup lookup = line.configFile().map(f -> configFiles.apply(f)).orElse(ssh);
        SshHostView view = lookup.forHost(destination.value(), userBeforeSsh.map(Sourced::value));
        HostKeySettings keys = new HostKeySettings(cli, cfg, home);
        return new EffectiveConnection(host.name(), destination,
                line.before("hostname").or(() -> line.after("hostname")).or(view::hostName).orElse(destination),
                port(vars, line, inv, view),
                userBeforeSsh.or(view::user).orElse(Sourced.byDefault(localUser, "the local user, as ssh")),
                identityFiles(vars, line, view, keys), identityFilesDefault(vars, line, view),
                flag(line, "identitiesonly").or(view::identitiesOnly).orElse(Sourced.byDefault(false, "")),
                new JumpResolution(lookup, localUser).jump(line.before("proxyjump"), line.afterWithJump(), vars, inv, view),
                keys.userFiles(line, view), keys.globalFiles(line, view),
                keys.strictness(line, hostKeyChecking(vars), view),
                connectTimeout(vars, line, view),
                identityAgent(line.before("identityagent").or(() -> line.after("identityagent"))
                        .or(view::identityAgent)),
                become(vars), becomeUser(vars));
    }

    /** Variables that would make Ansible reach or escalate on the host in a way nodefix does not: refused. */
    private static void refuseUnsupported(HostVars vars) {
        vars.text("ansible_connection").filter(c -> !SSH_CONNECTIONS.contains(c.value())).ifPresent(c -> {
            throw new SetupException(c.origin(), "ansible_connection=" + c.value() + ": nodefix reaches hosts over"
                    + " SSH only");
        });
        vars.first("ansible_become_method").filter(m -> !SUDO.contains(m.value())).ifPresent(m -> {
            throw new SetupException(m.origin(), "ansible_become_method=" + m.value() + " is not supported: nodefix"
                    + " becomes another user with sudo only");
        });
        vars.first("ansible_password", "ansible_ssh_pass", "ansible_ssh_password").ifPresent(p -> {
            throw new SetupException(p.origin(), "nodefix does not log in with a password from the inventory: use"
                    + " keys (an ssh-agent works), or -k / NODEFIX_SSH_PASSWORD for this run");
        });
        for (String name : List.of("ansible_become_exe", "ansible_sudo_exe", "ansible_become_flags",
                "ansible_sudo_flags", "ansible_ssh_executable")) {
            vars.text(name).ifPresent(v -> {
                throw new SetupException(v.origin(), name + " is not supported: nodefix runs sudo itself, as"
                        + " 'sudo -H -S -n -u USER', and talks SSH itself");
            });
        }
    }

    private static Optional<Sourced<Boolean>> flag(SshCommandLine line, String keyword) {
        return line.before(keyword).or(() -> line.after(keyword))
                .map(v -> new Sourced<>(v.value().equalsIgnoreCase("yes") || v.value().equalsIgnoreCase("true"),
                        v.origin()));
    }

    /** The host's host_key_checking: its variables (the ssh_ one wins), else ansible.cfg. */
    private Optional<Sourced<Boolean>> hostKeyChecking(HostVars vars) {
        return vars.first("ansible_ssh_host_key_checking", "ansible_host_key_checking")
                .map(v -> new Sourced<>(!FALSE_WORDS.contains(v.value().strip().toLowerCase(Locale.ROOT)), v.origin()))
                .or(cfg::hostKeyChecking);
    }

    /** IdentityAgent none, the agent of SSH_AUTH_SOCK or a socket path; anything else is refused, not ignored. */
    private static Optional<Sourced<String>> identityAgent(Optional<Sourced<String>> agent) {
        return IdentityAgentChoice.checked(agent);
    }

    /** ssh_args first (Ansible puts them first on ssh's command line), then ansible_port, remote_port, common args. */
    private Sourced<Integer> port(HostVars vars, SshCommandLine line, Connection inv, SshHostView view) {
        return line.before("port").map(HostVars::port)
                .or(() -> vars.first("ansible_ssh_port", "ansible_port").map(p -> new Sourced<>(inv.port(), p.origin())))
                .or(cfg::remotePort)
                .or(() -> line.after("port").map(HostVars::port))
                .or(view::port)
                .orElse(Sourced.byDefault(Connection.DEFAULT_PORT, ""));
    }

    /** --key alone; else -i of ssh_args, Ansible's key, -i of the common/extra args, the ssh config's; else defaults. */
    private List<Sourced<Path>> identityFiles(HostVars vars, SshCommandLine line, SshHostView view,
            HostKeySettings paths) {
        if (cli.key().isPresent()) {
            return List.of(Sourced.from(cli.key().get(), "--key/--private-key"));
        }
        List<Sourced<Path>> keys = new ArrayList<>();
        line.identityFiles(true).forEach(k -> keys.add(new Sourced<>(paths.expand(k.value()), k.origin())));
        vars.first("ansible_ssh_private_key_file", "ansible_private_key_file")
                .map(k -> new Sourced<>(paths.expand(k.value()), k.origin()))
                .or(cfg::privateKeyFile).ifPresent(keys::add);
        line.identityFiles(false).forEach(k -> keys.add(new Sourced<>(paths.expand(k.value()), k.origin())));
        keys.addAll(view.identityFiles());
        if (keys.isEmpty()) {
            Stream.of("id_ed25519", "id_ecdsa", "id_rsa")
                    .forEach(k -> keys.add(Sourced.byDefault(home.resolve(".ssh").resolve(k), "")));
        }
        return keys;
    }

    private boolean identityFilesDefault(HostVars vars, SshCommandLine line, SshHostView view) {
        return cli.key().isEmpty() && vars.first("ansible_ssh_private_key_file", "ansible_private_key_file").isEmpty()
                && cfg.privateKeyFile().isEmpty() && view.identityFiles().isEmpty()
                && line.identityFiles(true).isEmpty() && line.identityFiles(false).isEmpty();
    }

    private Sourced<Integer> connectTimeout(HostVars vars, SshCommandLine line, SshHostView view) {
        return cli.connectTimeout().map(t -> Sourced.from(t, "--connect-timeout"))
                .or(() -> line.before("connecttimeout").map(HostVars::seconds))
                .or(() -> vars.integer("ansible_ssh_timeout", "ansible_timeout"))
                .or(cfg::timeout)
                .or(() -> line.after("connecttimeout").map(HostVars::seconds))
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
                .or(() -> vars.first("ansible_sudo_user", "ansible_become_user")).or(cfg::becomeUser)
                .orElse(Sourced.byDefault("root", ""));
    }
}
