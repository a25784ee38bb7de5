package dev.nodefix.query;

import dev.nodefix.transport.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * What one path that should be a directory is on the node: a directory, a symbolic link (with its target),
 * something else, or absent. Read with shell tests only (a {@code readlink} runs only for a link), in the
 * same round trip as the task's other queries. {@link #parentsOf} lists the directories above a file.
 */
public record DirQuery(String path) implements Query {
    public DirQuery {
        if (!path.startsWith("/") || path.equals("/")) {
            throw new IllegalArgumentException("not an absolute directory below /: " + path);
        }
    }

    /** The directories above {@code file} below the root, outermost first: /etc/a/b/f gives /etc, /etc/a, /etc/a/b. */
    public static List<DirQuery> parentsOf(String file) {
        List<DirQuery> dirs = new ArrayList<>();
        String[] parts = file.replaceAll("/+", "/").split("/");
        StringBuilder d = new StringBuilder();
        for (int i = 1; i < parts.length - 1; i++) {
            d.append('/').append(parts[i]);
            dirs.add(new DirQuery(d.toString()));
        }
        return dirs;
    }

    @Override
    public String script() {
        String p = Command.quote(path);
        return "if [ -L " + p + " ]; then printf 'L %s\\n' \"$(readlink -- " + p + ")\"; elif [ -d " + p
                + " ]; then echo D; elif [ -e " + p + " ]; then echo X; else echo A; fi";
    }

    @Override
    public DirState parse(String output, int exitCode) {
        return DirState.parse(path, output, exitCode);
    }
}
