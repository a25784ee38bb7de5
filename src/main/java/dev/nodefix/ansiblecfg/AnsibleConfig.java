package dev.nodefix.ansiblecfg;

import dev.nodefix.inventory.Sourced;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Ansible settings nodefix uses, decided as ansible-core 2.14 decides them from the one ansible.cfg it finds
 * and the {@code ANSIBLE_*} environment variables that override it, each with where it was set (an ansible.cfg
 * {@code file:line:col} or the variable's name). An empty Optional means "not set": Ansible's default applies
 * (remote_port: none, timeout 10, forks 5, host_key_checking true, become false, become_user root,
 * become_method sudo, inventory /etc/ansible/hosts, ssh_args "-C -o ControlMaster=auto -o ControlPersist=60s",
 * retry_files_enabled false, retry_files_save_path beside the playbook, ssh retries 0).
 */
public record AnsibleConfig(
        Optional<Path> file,
        List<String> warnings,
        List<Sourced<Path>> inventory,
        Optional<Sourced<String>> remoteUser,
        Optional<Sourced<Path>> privateKeyFile,
        Optional<Sourced<Integer>> remotePort,
        Optional<Sourced<Integer>> timeout,
        Optional<Sourced<Integer>> forks,
        Optional<Sourced<Boolean>> hostKeyChecking,
        Optional<Sourced<Path>> vaultPasswordFile,
        Optional<Sourced<Boolean>> become,
        Optional<Sourced<String>> becomeUser,
        Optional<Sourced<String>> becomeMethod,
        Optional<Sourced<String>> sshArgs,
        Optional<Sourced<String>> sshCommonArgs,
        Optional<Sourced<String>> sshExtraArgs,
        Optional<Sourced<Boolean>> askPass,
        Optional<Sourced<Boolean>> becomeAskPass,
        Optional<Sourced<String>> becomeFlags,
        Optional<Sourced<Boolean>> retryFilesEnabled,
        Optional<Sourced<Path>> retryFilesSavePath,
        Optional<Sourced<Integer>> sshRetries) {

    /** Where Ansible looks last for its config file. */
    public static final Path SYSTEM_CONFIG = Path.of("/etc/ansible/ansible.cfg");
    private static final Set<String> SUPPORTED_BECOME_METHODS = Set.of("sudo", "ansible.builtin.sudo");

    public AnsibleConfig {
        Objects.requireNonNull(file, "file");
        warnings = List.copyOf(warnings);
        inventory = List.copyOf(inventory);
        becomeMethod.ifPresent(AnsibleConfig::requireSudo);
        becomeFlags.ifPresent(AnsibleConfig::requireSudoFlags);
    }

    /**
     * Reads the settings as Ansible would when run in {@code workingDir} with environment {@code env}. {@code home}
     * is the user's home directory from the password database: like Python, {@code ~} means {@code HOME} when the
     * environment has it and {@code home} only when it does not.
     */
    public static AnsibleConfig load(Map<String, String> env, Path workingDir, Path home) {
        return load(env, workingDir, home, SYSTEM_CONFIG);
    }

    /** As {@link #load(Map, Path, Path)}, with the system-wide file at {@code systemConfig} (for tests). */
    public static AnsibleConfig load(Map<String, String> env, Path workingDir, Path home, Path systemConfig) {
        PathExpansion paths = new PathExpansion(env, home, workingDir.toAbsolutePath());
        ConfigFinder.Found found = new ConfigFinder(env, paths, systemConfig).find();
        Optional<IniFile> ini = found.file().map(ConfigFileText::read);
        Path configDir = found.file().map(Path::getParent).orElse(paths.workingDir());
        SettingReader settings = new SettingReader(ini, configDir, env, paths);
        return new AnsibleConfig(found.file(), found.warnings(),
                settings.pathList(Setting.INVENTORY),
                settings.string(Setting.REMOTE_USER),
                settings.path(Setting.PRIVATE_KEY_FILE),
                settings.integer(Setting.REMOTE_PORT).map(AnsibleConfig::requirePort),
                settings.integer(Setting.TIMEOUT),
                settings.integer(Setting.FORKS),
                settings.bool(Setting.HOST_KEY_CHECKING),
                settings.path(Setting.VAULT_PASSWORD_FILE),
                settings.bool(Setting.BECOME),
                settings.string(Setting.BECOME_USER),
                settings.string(Setting.BECOME_METHOD),
                settings.string(Setting.SSH_ARGS),
                settings.string(Setting.SSH_COMMON_ARGS),
                settings.string(Setting.SSH_EXTRA_ARGS),
                settings.bool(Setting.ASK_PASS),
                settings.bool(Setting.BECOME_ASK_PASS),
                settings.string(Setting.BECOME_FLAGS),
                settings.bool(Setting.RETRY_FILES_ENABLED),
                settings.path(Setting.RETRY_FILES_SAVE_PATH),
                settings.integer(Setting.SSH_RETRIES).map(AnsibleConfig::requireRetries));
    }

    private static void requireSudo(Sourced<String> method) {
        if (!SUPPORTED_BECOME_METHODS.contains(method.value())) {
            throw new AnsibleConfigException(method.origin(), "become_method '" + method.value()
                    + "' is not supported: nodefix becomes another user with sudo only");
        }
    }

    /** nodefix runs sudo with Ansible's default flags; other flags would mean another command: refused. */
    private static void requireSudoFlags(Sourced<String> flags) {
        if (!flags.value().strip().equals("-H -S -n")) {
            throw new AnsibleConfigException(flags.origin(), "become_flags '" + flags.value() + "' are not supported:"
                    + " nodefix runs sudo with Ansible's default flags (-H -S -n)");
        }
    }

    /** Ansible would try 1 + retries times; a negative count is nonsense nodefix refuses rather than guess about. */
    private static Sourced<Integer> requireRetries(Sourced<Integer> retries) {
        if (retries.value() < 0) {
            throw new AnsibleConfigException(retries.origin(), "retries: " + retries.value() + " is negative");
        }
        return retries;
    }

    /** Ansible passes any integer on to ssh, which refuses it; nodefix says so before connecting. */
    private static Sourced<Integer> requirePort(Sourced<Integer> port) {
        if (port.value() < 1 || port.value() > 65535) {
            throw new AnsibleConfigException(port.origin(), "remote_port: " + port.value()
                    + " is not a TCP port (1-65535); ssh would refuse it");
        }
        return port;
    }

}
