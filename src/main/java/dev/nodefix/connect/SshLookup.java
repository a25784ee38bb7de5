package dev.nodefix.connect;

import java.util.Optional;

/** The OpenSSH client config, asked for one destination ({@code ssh -G DESTINATION}). */
@FunctionalInterface
public interface SshLookup {
    /** No ssh config at all: every destination gets {@link SshHostView#NONE}. */
    SshLookup NONE = (destination, user) -> SshHostView.NONE;

    /**
     * @param destination the name ssh is given (ansible_host, else the inventory name)
     * @param user        the login user decided before the ssh config (for {@code %r} and {@code Match user})
     */
    SshHostView forHost(String destination, Optional<String> user);
}
