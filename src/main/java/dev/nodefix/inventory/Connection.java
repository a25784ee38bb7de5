package dev.nodefix.inventory;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one host, resolved from its merged variables (ansible_host, ansible_port, ansible_user,
 * ansible_ssh_private_key_file, ansible_become*, ansible_ssh_common_args -o options, nodefix_jump).
 * Empty optionals mean "not set in the inventory": command-line options or defaults decide.
 *
 * @param strictHostKeyChecking from {@code -o StrictHostKeyChecking=}: "yes", "no", "accept-new", ...
 * @param extras what ansible.cfg and the ssh config add ({@link SshExtras#NONE} for the inventory alone)
 */
public record Connection(
        String address,
        int port,
        Optional<String> user,
        Optional<Path> identityFile,
        boolean become,
        Optional<String> becomeUser,
        Optional<Jump> jump,
        Optional<Path> knownHostsFile,
        Optional<String> strictHostKeyChecking,
        SshExtras extras) {

    public static final int DEFAULT_PORT = 22;

    /** A connection from the inventory alone (nothing merged from ansible.cfg or the ssh config yet). */
    public Connection(String address, int port, Optional<String> user, Optional<Path> identityFile, boolean become,
            Optional<String> becomeUser, Optional<Jump> jump, Optional<Path> knownHostsFile,
            Optional<String> strictHostKeyChecking) {
        this(address, port, user, identityFile, become, becomeUser, jump, knownHostsFile, strictHostKeyChecking,
                SshExtras.NONE);
    }

    public Connection {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(identityFile, "identityFile");
        Objects.requireNonNull(becomeUser, "becomeUser");
        Objects.requireNonNull(jump, "jump");
        Objects.requireNonNull(knownHostsFile, "knownHostsFile");
        Objects.requireNonNull(strictHostKeyChecking, "strictHostKeyChecking");
        Objects.requireNonNull(extras, "extras");
        if (address.isBlank()) {
            throw new IllegalArgumentException("address is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** A plain connection to {@code address:22} with nothing else set. */
    public static Connection to(String address) {
        return new Connection(address, DEFAULT_PORT, Optional.empty(), Optional.empty(), false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Connection withPort(int newPort) {
        return new Connection(address, newPort, user, identityFile, become, becomeUser, jump,
                knownHostsFile, strictHostKeyChecking, extras);
    }

    public Connection withUser(String newUser) {
        return new Connection(address, port, Optional.of(newUser), identityFile, become, becomeUser, jump,
                knownHostsFile, strictHostKeyChecking, extras);
    }
}
