package dev.nodefix.connect;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection options given on nodefix's command line; each wins over every file.
 *
 * @param connectTimeout seconds, only when {@code --connect-timeout} was given
 */
public record CommandLineOverrides(
        Optional<String> user,
        Optional<Path> key,
        Optional<Path> knownHosts,
        Optional<Integer> connectTimeout,
        boolean acceptNewHostKeys,
        boolean become,
        Optional<String> becomeUser) {

    public static final CommandLineOverrides NONE = new CommandLineOverrides(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), false, false, Optional.empty());

    public CommandLineOverrides {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(becomeUser, "becomeUser");
    }
}
