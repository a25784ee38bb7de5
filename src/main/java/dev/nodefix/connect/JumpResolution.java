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

    Optional<Sourced<Jump>> jump(HostVars vars, Connection inventory, SshHostView view) {
        if (inventory.jump().isPresent()) {
            String var = vars.text("nodefix_jump").isPresent() ? "nodefix_jump" : "ansible_ssh_common_args";
            return Optional.of(alias(new Sourced<>(inventory.jump().get(), vars.origin(var))));
        }
        if (vars.text("nodefix_jump").isPresent()) {
            return Optional.empty(); // nodefix_jump: none
        }
        Optional<Sourced<String>> written = view.proxyJump();
        if (written.isEmpty()) {
            view.proxyCommand().filter(c -> !c.value().equalsIgnoreCase("none")).ifPresent(c -> {
                throw new SetupException(c.origin(), "ProxyCommand is not supported by nodefix; write the jump"
                        + " host as ProxyJump [user@]host[:port] (or nodefix_jump in the inventory)");
            });
            return Optional.empty();
        }
        Sourced<String> spec = written.get();
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
