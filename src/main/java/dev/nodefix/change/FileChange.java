package dev.nodefix.change;

import dev.nodefix.query.FileState;
import dev.nodefix.query.Query;
import dev.nodefix.transport.Command;
import java.util.Objects;
import java.util.Optional;

/**
 * Replace, create or remove one file. Written atomically: a temporary file in the same directory gets the
 * content, mode and owner, is synced, then renamed over the path. The before-image is the whole previous
 * file (or "absent"), so the inverse restores it byte for byte. The directory must exist: a missing one is
 * its own planned {@link DirectoryChange}, never created on the side.
 */
public record FileChange(String path, FileState before, FileState after) implements Change {
    /** $1 path, $2 mode, $3 owner:group; content on stdin. */
    private static final String WRITE = "set -e\n"
            + "d=$(dirname -- \"$1\"); [ -d \"$d\" ] || { echo \"no directory $d (nodefix creates one only as a planned change)\" >&2; exit 1; }\n"
            + "t=$(mktemp \"$d/.nodefix.XXXXXX\"); trap 'rm -f -- \"$t\"' EXIT\n"
            + "cat > \"$t\"; chown \"$3\" \"$t\"; chmod \"$2\" \"$t\"; sync \"$t\" 2>/dev/null || sync\n"
            + "mv -f -- \"$t\" \"$1\"; trap - EXIT; sync \"$d\" 2>/dev/null || sync";

    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.sameAs(after)) {
            throw new IllegalArgumentException("no change to " + path + ": before and after are the same");
        }
    }

    @Override
    public String describe() {
        if (before instanceof FileState.Absent) {
            return "create " + path + " (" + after.summary() + ")";
        }
        if (after instanceof FileState.Absent) {
            return "remove " + path + " (was " + before.summary() + ")";
        }
        return "update " + path + " (" + after.summary() + ")";
    }

    @Override
    public Optional<String> diff() {
        return Optional.of(FileDiff.of(path, before, after));
    }

    @Override
    public Optional<Change> inverse() {
        return Optional.of(new FileChange(path, after, before));
    }

    @Override
    public Command command() {
        if (after instanceof FileState.Present p) {
            return Command.of("/bin/sh", "-c", WRITE, "nodefix-write", path, p.mode(), p.owner() + ":" + p.group())
                    .withStdin(p.content());
        }
        return Command.of("rm", "-f", "--", path);
    }

    @Override
    public Optional<Query> observes() {
        return Optional.of(new Query.File(path));
    }

    @Override
    public Landing landing(Object observed) {
        FileState now = (FileState) observed;
        if (now.sameAs(after)) {
            return Landing.APPLIED;
        }
        return now.sameAs(before) ? Landing.NOT_APPLIED : Landing.DIFFERENT;
    }

    @Override
    public String kind() {
        return "file";
    }
}
