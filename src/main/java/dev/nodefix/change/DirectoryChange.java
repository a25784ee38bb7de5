package dev.nodefix.change;

import dev.nodefix.query.DirQuery;
import dev.nodefix.query.DirState;
import dev.nodefix.query.Query;
import dev.nodefix.transport.Command;
import java.util.Objects;
import java.util.Optional;

/**
 * Create one directory (0755, owned by the login nodefix runs as, root with become) that did not exist, or
 * remove one that the run created. Removal only takes an empty directory: when something else was put in
 * it since, the command fails and says so, and the directory stays.
 */
public record DirectoryChange(String path, boolean create) implements Change {
    /** $1 the directory. */
    private static final String REMOVE = "[ -d \"$1\" ] || exit 0\n"
            + "rmdir -- \"$1\" 2>/dev/null || { echo \"$1 is not empty: left in place\" >&2; exit 1; }";

    public DirectoryChange {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.equals("/")) {
            throw new IllegalArgumentException("not an absolute directory below /: " + path);
        }
    }

    @Override
    public String describe() {
        return (create ? "create directory " : "remove empty directory ") + path;
    }

    @Override
    public Optional<Change> inverse() {
        return Optional.of(new DirectoryChange(path, !create));
    }

    @Override
    public Command command() {
        return create ? Command.of("mkdir", "-m", "0755", "--", path)
                : Command.of("/bin/sh", "-c", REMOVE, "nodefix-rmdir", path);
    }

    @Override
    public Optional<Query> observes() {
        return Optional.of(new DirQuery(path));
    }

    @Override
    public Landing landing(Object observed) {
        DirState.Kind now = ((DirState) observed).kind();
        if (now == DirState.Kind.DIRECTORY) {
            return create ? Landing.APPLIED : Landing.NOT_APPLIED;
        }
        if (now == DirState.Kind.ABSENT) {
            return create ? Landing.NOT_APPLIED : Landing.APPLIED;
        }
        return Landing.DIFFERENT;
    }

    @Override
    public String kind() {
        return "directory";
    }
}
