package dev.nodefix.cli;

import dev.nodefix.engine.BecomeRule;
import dev.nodefix.inventory.Host;
import dev.nodefix.secret.Secret;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** {@code -b/--become}, {@code --become-user}, {@code -K/--ask-become-pass}. */
public final class BecomeOptions {
    @Option(names = {"-b", "--become"}, description = "Run commands with sudo (also per host/group with ansible_become).")
    boolean become;

    @Option(names = "--become-user", paramLabel = "USER", description = "sudo to USER (default: ansible_become_user, else root).")
    String becomeUser;

    @Option(names = {"-K", "--ask-become-pass"},
            description = "Prompt for the sudo password (else NODEFIX_BECOME_PASSWORD; without either, sudo -n).")
    boolean askBecomePass;

    /** {@code -b/--become} was given. */
    public boolean become() {
        return become;
    }

    public boolean askBecomePass() {
        return askBecomePass;
    }

    public BecomeRule rule(Optional<Secret> password) {
        return rule(password, host -> Optional.empty());
    }

    /** @param hostPasswords a host's own sudo password (a vaulted ansible_become_password), which wins */
    public BecomeRule rule(Optional<Secret> password, Function<Host, Optional<Secret>> hostPasswords) {
        return new BecomeRule(become, Optional.ofNullable(becomeUser), password, hostPasswords);
    }
}
