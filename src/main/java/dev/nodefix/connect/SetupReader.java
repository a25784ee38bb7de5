package dev.nodefix.connect;

import dev.nodefix.ansiblecfg.AnsibleConfig;
import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.InventoryParser;
import dev.nodefix.inventory.Sourced;
import dev.nodefix.sshconfig.SshConfig;
import dev.nodefix.vault.Vaulted;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the operator's setup in the order the data flows: ansible.cfg (and {@code ANSIBLE_*}), the inventories it
 * or the command line names (with their group_vars/host_vars), the OpenSSH client config, then one
 * {@link ConnectionMerge} per host. Every file problem is an exception naming {@code file:line}.
 */
public final class SetupReader {
    private static final Path SYSTEM_SSH_CONFIG = Path.of("/etc/ssh/ssh_config");

    private final Path systemAnsibleConfig;
    private final Path systemSshConfig;

    public SetupReader() {
        this(AnsibleConfig.SYSTEM_CONFIG, SYSTEM_SSH_CONFIG);
    }

    /** A reader with other system-wide files (tests). */
    public SetupReader(Path systemAnsibleConfig, Path systemSshConfig) {
        this.systemAnsibleConfig = systemAnsibleConfig;
        this.systemSshConfig = systemSshConfig;
    }

    /** ansible.cfg and ANSIBLE_* as Ansible would read them run from {@code workingDir}. */
    public AnsibleConfig ansibleConfig(Map<String, String> env, Path workingDir, Path home) {
        return AnsibleConfig.load(env, workingDir, home, systemAnsibleConfig);
    }

    public Setup read(SetupRequest request) {
        return read(request, ansibleConfig(request.env(), request.workingDir(), request.home()));
    }

    public Setup read(SetupRequest request, AnsibleConfig cfg) {
        List<Sourced<Path>> sources = InventorySources.choose(request.inventories(), request.env(), cfg,
                request.workingDir());
        Inventory read = new InventoryParser(request.home(), request.unvault())
                .parse(sources.stream().map(Sourced::value).toList(), request.playbookDir());
        SshConfig ssh = request.sshConfig().isPresent()
                ? SshConfig.load(request.sshConfig(), true, systemSshConfig, request.home(), request.env())
                : SshConfig.load(Optional.of(request.home().resolve(".ssh/config")), false, systemSshConfig,
                        request.home(), request.env());
        ConnectionMerge merge = new ConnectionMerge(defaults(cfg), new SshConfigLookup(ssh, request.localUser()),
                request.overrides(), Host::origin, request.home(), request.localUser(), request.unvault());
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (Host host : read.hosts().values()) {
            hosts.put(host.name(), host.withConnector(connector(merge, host)));
        }
        return new Setup(sources.stream().map(Sourced::value).toList(),
                new Inventory(read.source(), read.groups(), hosts), name -> merge.resolve(read.hosts().get(name)),
                notices(cfg), cfg.forks().map(Sourced::value), request.unvault());
    }

    /**
     * A host's merged connection: decided now, so that a setting nodefix cannot honour stops the command before any
     * host is contacted, unless a connection variable is vaulted: then on first use, so that commands that never
     * connect never need the vault password.
     */
    private static Supplier<Connection> connector(ConnectionMerge merge, Host host) {
        boolean vaulted = host.vars().entrySet().stream().anyMatch(e -> e.getValue() instanceof Vaulted
                && (e.getKey().startsWith("ansible_") || e.getKey().startsWith("nodefix_")));
        if (!vaulted) {
            Connection now = merge.resolve(host).connection();
            return () -> now;
        }
        Connection[] memo = new Connection[1];
        return () -> {
            synchronized (memo) {
                if (memo[0] == null) {
                    memo[0] = merge.resolve(host).connection();
                }
                return memo[0];
            }
        };
    }

    /** What ansible.cfg and ANSIBLE_* say about connections. */
    static AnsibleDefaults defaults(AnsibleConfig cfg) {
        return new AnsibleDefaults(cfg.remoteUser(), cfg.privateKeyFile(), cfg.remotePort(), cfg.timeout(),
                cfg.become(), cfg.becomeUser(), cfg.hostKeyChecking(), cfg.sshArgs(), cfg.sshCommonArgs());
    }

    private static List<String> notices(AnsibleConfig cfg) {
        List<String> notices = new ArrayList<>(cfg.warnings());
        cfg.hostKeyChecking().filter(h -> !h.value()).ifPresent(h -> notices.add(h.origin()
                + ": host_key_checking is off; nodefix records unknown host keys (like --accept-new-host-keys)"
                + " but still refuses a host whose key changed"));
        return notices;
    }
}
