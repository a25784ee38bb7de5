package dev.nodefix.connect;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Jump;
import dev.nodefix.inventory.ProxyJump;
import dev.nodefix.inventory.Sourced;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The jump host in front of a node: the inventory's ({@code nodefix_jump}, {@code -o ProxyJump}/{@code -J} in
 * ansible_ssh_common_args), else the ssh config's ProxyJump for the destination. ssh reaches a jump host with a
 * separate {@code ssh [-l user] [-p port] jumphost}, so the jump host's settings come from the ssh config for its own
 * name, never from the node's: HostName, Port, User (else the local user), IdentityFile and IdentityAgent.
 * ProxyCommand, several hops and a jump host that has a jump host of its own are refused with the line that asked.
 *
 * @param localUser the login name on a jump host that neither the ProxyJump value nor its ssh config names
 */
record JumpResolution(SshLookup ssh, String localUser) {

    /**
     * @param first  a ProxyJump in ansible.cfg's ssh_args, which comes first on ssh's command line
     * @param common ansible_ssh_common_args (or ansible.cfg's ssh_common_args), after Ansible's own options
     */
    Optional<Sourced<Jump>> jump(Optional<Sourced<String>> first, SshArgsFrom common, HostVars vars,
            Connection inventory, SshHostView view) {
        if (first.isPresent()) {
            return parsed(first.get());
        }
        if (vars.text("nodefix_jump").isPresent()) {
            return inventory.jump().map(j -> alias(new Sourced<>(j, vars.origin("nodefix_jump"))));
        }
        Optional<Sourced<String>> fromArgs = common.sourced(common.args().proxyJump());
        if (fromArgs.isPresent()) {
            return parsed(fromArgs.get());
        }
        Optional<Sourced<String>> written = view.proxyJump();
        if (written.isEmpty()) {
            view.proxyCommand().filter(c -> !c.value().equalsIgnoreCase("none")).ifPresent(c -> {
                throw new SetupException(c.origin(), "ProxyCommand is not supported by nodefix; write the jump"
                        + " host as ProxyJump [user@]host[:port] (or nodefix_jump in the inventory)");
            });
            return Optional.empty();
        }
        return parsed(written.get());
    }

    private Optional<Sourced<Jump>> parsed(Sourced<String> spec) {
        if (spec.value().strip().toLowerCase(Locale.ROOT).equals("none")) {
            return Optional.empty();
        }
        try {
            return ProxyJump.parse(spec.value()).map(j -> alias(new Sourced<>(j, spec.origin())));
        } catch (ProxyJump.BadJump e) {
            throw new SetupException(spec.origin(), "ProxyJump " + spec.value() + ": " + e.getMessage());
        }
    }

    /** The jump's own ssh config: HostName, Port, User, IdentityFile and IdentityAgent for the name in ProxyJump. */
    private Sourced<Jump> alias(Sourced<Jump> written) {
        Jump jump = written.value();
        SshHostView view = ssh.forHost(jump.host(), jump.user());
        refuseNested(jump, view);
        String host = view.hostName().map(Sourced::value).orElse(jump.host());
        int port = jump.port() != Connection.DEFAULT_PORT ? jump.port()
                : view.port().map(Sourced::value).orElse(Connection.DEFAULT_PORT);
        String user = jump.user().or(() -> view.user().map(Sourced::value)).orElse(localUser);
        List<Path> keys = view.identityFiles().stream().map(Sourced::value).toList();
        Optional<Sourced<String>> agent = IdentityAgentChoice.checked(view.identityAgent());
        return new Sourced<>(new Jump(Optional.of(user), host, port, keys, IdentityAgentChoice.socket(agent),
                IdentityAgentChoice.none(agent)), written.origin());
    }

    /** ssh would chain the jump host's own ProxyJump or ProxyCommand; nodefix opens one hop only. */
    private static void refuseNested(Jump jump, SshHostView view) {
        view.proxyJump().filter(j -> !j.value().strip().equalsIgnoreCase("none")).ifPresent(j -> {
            throw new SetupException(j.origin(), "ProxyJump " + j.value() + " for jump host " + jump.host()
                    + ": nested jump hosts are not supported (one jump host per node)");
        });
        view.proxyCommand().filter(c -> !c.value().strip().equalsIgnoreCase("none")).ifPresent(c -> {
            throw new SetupException(c.origin(), "ProxyCommand " + c.value() + " for jump host " + jump.host()
                    + ": nested jump hosts are not supported (one jump host per node)");
        });
    }
}
