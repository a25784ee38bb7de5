package dev.nodefix.transport;

import dev.nodefix.secret.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One command to run on a node: an argv list, never a string glued together. {@link #toShellLine()}
 * is the single place in nodefix where values are quoted for the remote shell, so a value from an
 * inventory, a fact or a playbook can never be interpreted by it.
 *
 * @param timeout empty means the transport's default command timeout
 */
public record Command(List<String> argv, Become become, Optional<byte[]> stdin, Optional<Duration> timeout) {
    /**
     * Put in front of the login's own PATH for every remote command: a non-root login's PATH often lacks the
     * sbin directories, where ethtool, ip, iptables and sysctl live.
     */
    public static final String SEARCH_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** The assignment the remote shell reads before the command; {@code "$PATH"} is the login's own PATH. */
    private static final String PATH_PREFIX = "PATH=" + SEARCH_PATH + ":\"$PATH\" ";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    /** Words no shell treats specially; the first may not contain '=' (that would be an assignment). */
    private static final Pattern PLAIN_WORDS =
            Pattern.compile("[ \t]*[A-Za-z0-9_@%+:,./-]+([ \t]+[A-Za-z0-9_@%+=:,./-]+)*[ \t]*");

    public Command {
        argv = List.copyOf(argv);
        Objects.requireNonNull(become, "become");
        stdin = Objects.requireNonNull(stdin, "stdin").map(byte[]::clone);
        Objects.requireNonNull(timeout, "timeout");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least a program name");
        }
        if (argv.get(0).contains("=")) { // sh and sudo would read NAME=value as an environment assignment
            throw new IllegalArgumentException("program name must not contain '=': " + quote(argv.get(0)));
        }
    }

    /** {@code program args...}, each argument passed verbatim. */
    public static Command of(String... argv) {
        return new Command(List.of(argv), Become.NONE, Optional.empty(), Optional.empty());
    }

    /**
     * A script the user wrote for a shell (ad-hoc {@code run -a}, collectors). It runs under
     * {@code /bin/sh -c}, so its meaning does not depend on the login shell, except when it is nothing but
     * plain words ({@code uname -r}): those mean the same to every shell and are sent as argv, which
     * saves the node one process start per command.
     */
    public static Command shell(String script) {
        if (PLAIN_WORDS.matcher(script).matches()) {
            return new Command(List.of(script.strip().split("[ \t]+")), Become.NONE, Optional.empty(),
                    Optional.empty());
        }
        return of("/bin/sh", "-c", script);
    }

    public Command withBecome(Become newBecome) {
        return new Command(argv, newBecome, stdin, timeout);
    }

    public Command withStdin(byte[] input) {
        return new Command(argv, become, Optional.of(input), timeout);
    }

    public Command withTimeout(Duration newTimeout) {
        return new Command(argv, become, stdin, Optional.of(newTimeout));
    }

    /** The line the remote shell receives: sudo prefix (if any) plus every argv element quoted once. */
    public String toShellLine() {
        List<String> words = new ArrayList<>();
        if (become.enabled()) {
            words.add("sudo");
            words.add(become.password().isPresent() ? "-S" : "-n");
            if (become.password().isPresent()) {
                words.add("-p");
                words.add("");
            }
            words.add("-u");
            words.add(become.user());
            words.add("--");
        }
        words.addAll(argv);
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(quote(word));
        }
        return line.toString();
    }

    /**
     * What the SSH server is asked to run: {@link #toShellLine()} with {@link #SEARCH_PATH} put in front of the
     * login's PATH for that command (a prefix assignment: no extra process, and sudo, which sets its own PATH
     * from {@code secure_path} when configured, is itself found on it).
     */
    public String toRemoteLine() {
        return PATH_PREFIX + toShellLine();
    }

    /** The bytes to send on stdin: the sudo password line first when sudo reads it, then the command's input. */
    public Optional<byte[]> wireStdin() {
        Optional<Secret> password = become.enabled() ? become.password() : Optional.empty();
        if (password.isEmpty()) {
            return stdin.map(byte[]::clone);
        }
        byte[] pw = (new String(password.get().reveal()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] rest = stdin.orElse(new byte[0]);
        byte[] all = new byte[pw.length + rest.length];
        System.arraycopy(pw, 0, all, 0, pw.length);
        System.arraycopy(rest, 0, all, pw.length, rest.length);
        return Optional.of(all);
    }

    /** POSIX sh quoting: safe words as they are, everything else in single quotes. */
    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /** What a user may see: the shell line, with the become password never in it (it only goes on stdin). */
    @Override
    public String toString() {
        return toShellLine();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Command c && argv.equals(c.argv) && become.equals(c.become)
                && stdin.map(java.util.Arrays::hashCode).equals(c.stdin.map(java.util.Arrays::hashCode))
                && timeout.equals(c.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(argv, become, stdin.map(java.util.Arrays::hashCode), timeout);
    }
}
