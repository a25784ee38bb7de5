package dev.nodefix.inventory;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code ansible_*} variables Ansible documents for inventories: connection (ssh, paramiko, local,
 * winrm, psrp), become (sudo, su, runas), shell, interpreter and inventory variables, taken from
 * ansible-core 2.14's plugin documentation. Any {@code ansible_<lang>_interpreter} is accepted too.
 */
final class AnsibleVariables {
    /** Variables holding a password: nodefix refuses literal values for them. */
    static final Set<String> PASSWORDS = Set.of("ansible_password", "ansible_ssh_pass", "ansible_ssh_password",
            "ansible_become_password", "ansible_become_pass", "ansible_sudo_pass", "ansible_sudo_password",
            "ansible_su_pass", "ansible_su_password", "ansible_paramiko_pass", "ansible_paramiko_password",
            "ansible_runas_pass", "ansible_winrm_pass", "ansible_winrm_password");

    static final Set<String> KNOWN = Set.of(
            // connection, any plugin
            "ansible_connection", "ansible_host", "ansible_port", "ansible_user", "ansible_password",
            "ansible_timeout", "ansible_pipelining", "ansible_private_key_file", "ansible_connection_user",
            // ssh
            "ansible_ssh_host", "ansible_ssh_port", "ansible_ssh_user", "ansible_ssh_pass", "ansible_ssh_password",
            "ansible_ssh_private_key_file", "ansible_ssh_common_args", "ansible_ssh_extra_args", "ansible_ssh_args",
            "ansible_ssh_executable", "ansible_ssh_host_key_checking", "ansible_host_key_checking",
            "ansible_ssh_pipelining", "ansible_ssh_pkcs11_provider", "ansible_ssh_retries", "ansible_ssh_timeout",
            "ansible_ssh_transfer_method", "ansible_ssh_use_tty", "ansible_sshpass_prompt",
            "ansible_scp_executable", "ansible_scp_extra_args", "ansible_scp_if_ssh",
            "ansible_sftp_batch_mode", "ansible_sftp_executable", "ansible_sftp_extra_args",
            "ansible_control_path", "ansible_control_path_dir", "ansible_docker_extra_args",
            // paramiko
            "ansible_paramiko_host", "ansible_paramiko_host_key_checking", "ansible_paramiko_pass",
            "ansible_paramiko_password", "ansible_paramiko_use_rsa_sha2_algorithms", "ansible_paramiko_user",
            // become
            "ansible_become", "ansible_become_method", "ansible_become_user", "ansible_become_password",
            "ansible_become_pass", "ansible_become_exe", "ansible_become_flags",
            "ansible_sudo_exe", "ansible_sudo_flags", "ansible_sudo_pass", "ansible_sudo_password", "ansible_sudo_user",
            "ansible_su_exe", "ansible_su_flags", "ansible_su_pass", "ansible_su_password", "ansible_su_user",
            "ansible_su_prompt_l10n", "ansible_runas_flags", "ansible_runas_pass", "ansible_runas_user",
            // shell, modules, interpreters, inventory
            "ansible_shell_type", "ansible_shell_executable", "ansible_shell_allow_world_readable_temp",
            "ansible_remote_tmp", "ansible_system_tmpdirs", "ansible_async_dir", "ansible_admin_users",
            "ansible_common_remote_group", "ansible_module_compression", "ansible_no_target_syslog",
            "ansible_python_interpreter", "ansible_interpreter_python_fallback",
            "ansible_python_module_rlimit_nofile", "ansible_facts_modules", "ansible_network_os",
            "ansible_win_async_startup_timeout", "ansible_group_priority",
            // winrm and psrp
            "ansible_winrm_connection_timeout", "ansible_winrm_host", "ansible_winrm_kinit_args",
            "ansible_winrm_kinit_cmd", "ansible_winrm_kinit_env_vars", "ansible_winrm_kinit_mode",
            "ansible_winrm_pass", "ansible_winrm_password", "ansible_winrm_path", "ansible_winrm_port",
            "ansible_winrm_scheme", "ansible_winrm_transport", "ansible_winrm_user", "ansible_winrm_server_cert_validation",
            "ansible_psrp_auth", "ansible_psrp_ca_cert", "ansible_psrp_cert_trust_path", "ansible_psrp_cert_validation",
            "ansible_psrp_certificate_key_pem", "ansible_psrp_certificate_pem", "ansible_psrp_configuration_name",
            "ansible_psrp_connection_backoff", "ansible_psrp_connection_timeout",
            "ansible_psrp_credssp_auth_mechanism", "ansible_psrp_credssp_disable_tlsv1_2",
            "ansible_psrp_credssp_minimum_version", "ansible_psrp_host", "ansible_psrp_ignore_proxy",
            "ansible_psrp_max_envelope_size", "ansible_psrp_message_encryption", "ansible_psrp_negotiate_delegate",
            "ansible_psrp_negotiate_hostname_override", "ansible_psrp_negotiate_send_cbt",
            "ansible_psrp_negotiate_service", "ansible_psrp_operation_timeout", "ansible_psrp_path",
            "ansible_psrp_port", "ansible_psrp_protocol", "ansible_psrp_proxy", "ansible_psrp_read_timeout",
            "ansible_psrp_reconnection_backoff", "ansible_psrp_reconnection_retries", "ansible_psrp_user");

    private static final Pattern INTERPRETER = Pattern.compile("ansible_\\w+_interpreter");

    private AnsibleVariables() {}

    static boolean isKnown(String name) {
        return KNOWN.contains(name) || INTERPRETER.matcher(name).matches();
    }
}
