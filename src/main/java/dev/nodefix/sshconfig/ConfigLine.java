package dev.nodefix.sshconfig;

import dev.nodefix.inventory.Location;
import java.util.List;
import java.util.Objects;

/**
 * One non-comment line of an ssh config file, split as {@code ssh} splits it: the keyword (lower-cased),
 * its arguments (quotes and escapes removed, a {@code #} word ending them) and the raw text after the
 * keyword (what {@code ProxyCommand} and {@code Match} read).
 */
record ConfigLine(String keyword, List<String> args, String rest, Location at) implements ConfigEntry {
    ConfigLine {
        Objects.requireNonNull(keyword, "keyword");
        args = List.copyOf(args);
        Objects.requireNonNull(rest, "rest");
        Objects.requireNonNull(at, "at");
    }

    /** The only argument of a one-value keyword; none or several is an error, as in ssh. */
    String single() {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw new SshConfigException(at, "missing argument for " + keyword);
        }
        if (args.size() > 1) {
            throw new SshConfigException(at, "keyword " + keyword + " extra arguments at end of line");
        }
        return args.get(0);
    }
}
