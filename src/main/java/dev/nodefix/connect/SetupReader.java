package dev.nodefix.connect;

import dev.nodefix.ansiblecfg.AnsibleConfig;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.InventoryParser;
import dev.nodefix.inventory.Sourced;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        SshConfigFiles ssh = new SshConfigFiles(request, systemSshConfig);
        ConnectionMerge merge = new ConnectionMerge(defaults(cfg), ssh.main(), request.overrides(), Host::origin,
                request.home(), request.localUser(), request.unvault(), ssh::named);
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (Host host : read.hosts().values()) {
            // decided on first use (the commands that connect decide the selected hosts' before contacting any):
            // listing an inventory never reads the ssh config or needs a vault password
            hosts.put(host.name(), host.withConnector(new Memo<>(() -> merge.resolve(host).connection())));
        }
        return new Setup(sources.stream().map(Sourced::value).toList(),
                new Inventory(read.source(), read.groups(), hosts), name -> merge.resolve(read.hosts().get(name)),
                notices(cfg), cfg.forks().map(Sourced::value), cfg.sshRetries().map(Sourced::value), request.unvault(),
                new Setup.Prompts(cfg.askPass().map(Sourced::value).orElse(false),
                        cfg.becomeAskPass().map(Sourced::value).orElse(false)));
    }

    /** What ansible.cfg and ANSIBLE_* say about connections. */
    static AnsibleDefaults defaults(AnsibleConfig cfg) {
        return new AnsibleDefaults(cfg.remoteUser(), cfg.privateKeyFile(), cfg.remotePort(), cfg.timeout(),
                cfg.become(), cfg.becomeUser(), cfg.hostKeyChecking(), cfg.sshArgs(), cfg.sshCommonArgs(),
                cfg.sshExtraArgs());
    }

    private static List<String> notices(AnsibleConfig cfg) {
        List<String> notices = new ArrayList<>(cfg.warnings());
        cfg.hostKeyChecking().filter(h -> !h.value()).ifPresent(h -> notices.add(h.origin()
                + ": host_key_checking is off; nodefix records unknown host keys (like --accept-new-host-keys)"
                + " but still refuses a host whose key changed"));
        return notices;
    }
}
