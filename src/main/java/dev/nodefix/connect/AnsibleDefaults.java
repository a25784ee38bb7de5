package dev.nodefix.connect;

import dev.nodefix.inventory.Sourced;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What ansible.cfg and the {@code ANSIBLE_*} variables say about reaching hosts, each with where it was set.
 * Empty: not set, so the inventory, the ssh config or a default decides.
 *
 * @param sshArgs       {@code ssh_args}: first on ssh's command line, so its {@code -o} options beat everything
 * @param sshCommonArgs {@code ssh_common_args}: what ansible_ssh_common_args is when the inventory does not set it
 */
public record AnsibleDefaults(
        Optional<Sourced<String>> remoteUser,
        Optional<Sourced<Path>> privateKeyFile,
        Optional<Sourced<Integer>> remotePort,
        Optional<Sourced<Integer>> timeout,
        Optional<Sourced<Boolean>> become,
        Optional<Sourced<String>> becomeUser,
        Optional<Sourced<Boolean>> hostKeyChecking,
        Optional<Sourced<String>> sshArgs,
        Optional<Sourced<String>> sshCommonArgs,
        Optional<Sourced<String>> sshExtraArgs) {

    public static final AnsibleDefaults NONE = new AnsibleDefaults(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public AnsibleDefaults {
        Objects.requireNonNull(remoteUser, "remoteUser");
        Objects.requireNonNull(privateKeyFile, "privateKeyFile");
        Objects.requireNonNull(remotePort, "remotePort");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(become, "become");
        Objects.requireNonNull(becomeUser, "becomeUser");
        Objects.requireNonNull(hostKeyChecking, "hostKeyChecking");
        Objects.requireNonNull(sshArgs, "sshArgs");
        Objects.requireNonNull(sshCommonArgs, "sshCommonArgs");
        Objects.requireNonNull(sshExtraArgs, "sshExtraArgs");
    }
}
