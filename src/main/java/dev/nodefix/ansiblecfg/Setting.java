package dev.nodefix.ansiblecfg;

import java.util.List;

/**
 * The Ansible settings nodefix reads, each defined as ansible-core 2.14 defines it (lib/ansible/config/base.yml,
 * or the ssh connection plugin's options where that plugin decides): its ini keys and environment variables in
 * Ansible's order (a later one that is set wins over an earlier one) and its type.
 */
public enum Setting {
    INVENTORY("DEFAULT_HOST_LIST", ValueType.PATH_LIST, ini("defaults", "inventory"), "ANSIBLE_INVENTORY"),
    REMOTE_USER("DEFAULT_REMOTE_USER", ValueType.STRING, ini("defaults", "remote_user"), "ANSIBLE_REMOTE_USER"),
    PRIVATE_KEY_FILE("DEFAULT_PRIVATE_KEY_FILE", ValueType.PATH, ini("defaults", "private_key_file"),
            "ANSIBLE_PRIVATE_KEY_FILE"),
    REMOTE_PORT("DEFAULT_REMOTE_PORT", ValueType.INTEGER, ini("defaults", "remote_port"), "ANSIBLE_REMOTE_PORT"),
    TIMEOUT("DEFAULT_TIMEOUT", ValueType.INTEGER, ini("defaults", "timeout"), "ANSIBLE_TIMEOUT"),
    FORKS("DEFAULT_FORKS", ValueType.INTEGER, ini("defaults", "forks"), "ANSIBLE_FORKS"),
    VAULT_PASSWORD_FILE("DEFAULT_VAULT_PASSWORD_FILE", ValueType.PATH, ini("defaults", "vault_password_file"),
            "ANSIBLE_VAULT_PASSWORD_FILE"),
    BECOME("DEFAULT_BECOME", ValueType.BOOLEAN, ini("privilege_escalation", "become"), "ANSIBLE_BECOME"),
    BECOME_USER("DEFAULT_BECOME_USER", ValueType.STRING, ini("privilege_escalation", "become_user"),
            "ANSIBLE_BECOME_USER"),
    BECOME_METHOD("DEFAULT_BECOME_METHOD", ValueType.STRING, ini("privilege_escalation", "become_method"),
            "ANSIBLE_BECOME_METHOD"),
    /** The ssh plugin's option (base.yml's HOST_KEY_CHECKING lacks the [ssh_connection] and SSH_ forms it obeys). */
    HOST_KEY_CHECKING("ssh:host_key_checking", ValueType.BOOLEAN,
            List.of(ini("defaults", "host_key_checking"), ini("ssh_connection", "host_key_checking")),
            List.of("ANSIBLE_HOST_KEY_CHECKING", "ANSIBLE_SSH_HOST_KEY_CHECKING")),
    /** The ssh plugin's reconnection_retries: tries after the first when ssh could not connect. */
    SSH_RETRIES("ssh:reconnection_retries", ValueType.INTEGER,
            List.of(ini("connection", "retries"), ini("ssh_connection", "retries")), List.of("ANSIBLE_SSH_RETRIES")),
    SSH_ARGS("ssh:ssh_args", ValueType.STRING, ini("ssh_connection", "ssh_args"), "ANSIBLE_SSH_ARGS"),
    SSH_COMMON_ARGS("ssh:ssh_common_args", ValueType.STRING, ini("ssh_connection", "ssh_common_args"),
            "ANSIBLE_SSH_COMMON_ARGS"),
    SSH_EXTRA_ARGS("ssh:ssh_extra_args", ValueType.STRING, ini("ssh_connection", "ssh_extra_args"),
            "ANSIBLE_SSH_EXTRA_ARGS"),
    ASK_PASS("DEFAULT_ASK_PASS", ValueType.BOOLEAN, ini("defaults", "ask_pass"), "ANSIBLE_ASK_PASS"),
    BECOME_ASK_PASS("DEFAULT_BECOME_ASK_PASS", ValueType.BOOLEAN, ini("privilege_escalation", "become_ask_pass"),
            "ANSIBLE_BECOME_ASK_PASS"),
    BECOME_FLAGS("DEFAULT_BECOME_FLAGS", ValueType.STRING, ini("privilege_escalation", "become_flags"),
            "ANSIBLE_BECOME_FLAGS"),
    /** Whether {@code play} writes PLAYBOOK.retry with the failed and unreachable hosts (Ansible's default: no). */
    RETRY_FILES_ENABLED("RETRY_FILES_ENABLED", ValueType.BOOLEAN, ini("defaults", "retry_files_enabled"),
            "ANSIBLE_RETRY_FILES_ENABLED"),
    /** Where the .retry file goes (default: beside the playbook). */
    RETRY_FILES_SAVE_PATH("RETRY_FILES_SAVE_PATH", ValueType.PATH, ini("defaults", "retry_files_save_path"),
            "ANSIBLE_RETRY_FILES_SAVE_PATH");

    private final String ansibleName;
    private final ValueType type;
    private final List<IniKey> iniKeys;
    private final List<String> envNames;

    Setting(String ansibleName, ValueType type, IniKey iniKey, String envName) {
        this(ansibleName, type, List.of(iniKey), List.of(envName));
    }

    Setting(String ansibleName, ValueType type, List<IniKey> iniKeys, List<String> envNames) {
        this.ansibleName = ansibleName;
        this.type = type;
        this.iniKeys = iniKeys;
        this.envNames = envNames;
    }

    private static IniKey ini(String section, String key) {
        return new IniKey(section, key);
    }

    /** Ansible's name: a base.yml key (as {@code ansible-config dump} prints it) or {@code ssh:option}. */
    public String ansibleName() {
        return ansibleName;
    }

    public ValueType type() {
        return type;
    }

    /** The ini keys in Ansible's order: the last one present wins. */
    public List<IniKey> iniKeys() {
        return iniKeys;
    }

    /** The environment variables in Ansible's order: the last one set wins; any set one beats the file. */
    public List<String> envNames() {
        return envNames;
    }

    /** The name to use in messages: the first ini key (what operators write). */
    public String key() {
        return iniKeys.get(0).key();
    }
}
