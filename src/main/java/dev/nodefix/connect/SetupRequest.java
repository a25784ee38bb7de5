package dev.nodefix.connect;

import dev.nodefix.vault.Vaulted;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the command line and the environment say about where the operator's setup is.
 *
 * @param inventories  {@code -i} values (several allowed); empty: NODEFIX_INVENTORY, ansible.cfg, defaults
 * @param sshConfig    {@code -F FILE}: only this ssh config file (no ~/.ssh/config, no system file), as ssh -F
 * @param playbookDir  the playbook's directory, whose group_vars/ and host_vars/ Ansible reads too
 * @param unvault      decrypts a {@code !vault} value when a connection setting needs it
 */
public record SetupRequest(Map<String, String> env, Path workingDir, Path home, String localUser,
        List<Path> inventories, Optional<Path> sshConfig, Optional<Path> playbookDir, CommandLineOverrides overrides,
        Function<Vaulted, String> unvault) {
    public SetupRequest {
        env = Map.copyOf(env);
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(localUser, "localUser");
        inventories = List.copyOf(inventories);
        Objects.requireNonNull(sshConfig, "sshConfig");
        Objects.requireNonNull(playbookDir, "playbookDir");
        Objects.requireNonNull(overrides, "overrides");
        Objects.requireNonNull(unvault, "unvault");
    }
}
