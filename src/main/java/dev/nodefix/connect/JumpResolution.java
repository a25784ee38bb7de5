package dev.nodefix.connect;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Jump;
import dev.nodefix.inventory.ProxyJump;
import dev.nodefix.inventory.Sourced;
import java.util.Locale;
import java.util.Optional;

/**
 * The jump host in front of a node: the inventory's ({@code nodefix_jump}, {@code -o ProxyJump}/{@code -J} in
 * ansible_ssh_common_args), else the ssh config's ProxyJump for the destination. A jump named by an ssh config alias
 * is looked up in the ssh config like ssh does ({@code ProxyJump bastion} with {@code Host bastion / HostName ...}).
 * ProxyCommand and several hops are refused with the line that asked for them.
 */
record JumpResolution(SshLookup ssh) {

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

    /** The jump's own ssh config: HostName, Port and User for the name written in ProxyJump. */
    private Sourced<Jump> alias(Sourced<Jump> written) {
        Jump jump = written.value();
        SshHostView view = ssh.forHost(jump.host(), jump.user());
        String host = view.hostName().map(Sourced::value).orElse(jump.host());
        int port = jump.port() != Connection.DEFAULT_PORT ? jump.port()
                : view.port().map(Sourced::value).orElse(Connection.DEFAULT_PORT);
        Optional<String> user = jump.user().or(() -> view.user().map(Sourced::value));
        return new Sourced<>(new Jump(user, host, port), written.origin());
    }
}
