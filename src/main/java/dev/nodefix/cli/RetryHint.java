package dev.nodefix.cli;

import dev.nodefix.transport.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The line a run's recap ends with when some of its hosts did not finish: the command the user ran, its
 * {@code -l/--limit} replaced by {@code --limit @RUN}, each word quoted for the shell.
 */
final class RetryHint {
    /** An extra var whose name says it holds a secret: its value is not printed again. */
    private static final Pattern SECRET = Pattern.compile("(?i)pass|secret|token|vault|credential|private");
    static final String HIDDEN = "<hidden>";

    private RetryHint() {}

    /** {@code args} (as given after {@code nodefix}) with every {@code -l X}, {@code -lX}, {@code --limit X} and {@code --limit=X} replaced. */
    static List<String> command(List<String> args, String run) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                out.addAll(args.subList(i, args.size()));
                break;
            }
            if (a.equals("-l") || a.equals("--limit")) {
                i++; // and its value
            } else if ((a.equals("-e") || a.equals("--extra-vars")) && i + 1 < args.size()) {
                out.add(a);
                out.add(masked(args.get(++i)));
            } else if (a.startsWith("--extra-vars=")) {
                out.add("--extra-vars=" + masked(a.substring("--extra-vars=".length())));
            } else if (a.startsWith("-e") && !a.startsWith("--")) {
                out.add("-e" + masked(a.substring(2)));
            } else if (!a.startsWith("--limit=") && !(a.startsWith("-l") && !a.startsWith("--"))) {
                out.add(a);
            }
        }
        int at = out.indexOf("--") < 0 ? out.size() : out.indexOf("--");
        out.add(at, "--limit");
        out.add(at + 1, "@" + run);
        return out;
    }

    /**
     * The hint, when the run has hosts to retry and the command line is known. A short-option cluster holding
     * {@code -l} ({@code -bl web}) cannot be rewritten safely: the hint then names the option to add instead of a
     * whole command. Secret-looking {@code -e} values are shown as {@value #HIDDEN}, with a word to give them again.
     */
    static Optional<String> line(List<String> args, RunRetry retry) {
        if (args.isEmpty() || retry.nothing()) {
            return Optional.empty();
        }
        String what = "retry the " + retry.hosts().size() + " host(s) that did not finish: ";
        if (args.stream().takeWhile(a -> !a.equals("--")).anyMatch(RetryHint::clusterWithLimit)) {
            return Optional.of(what + "run the same command with --limit @" + retry.run() + " in place of its -l");
        }
        String line = shellLine(args, retry.run());
        return Optional.of(what + line + (line.contains(HIDDEN) ? "   (give the " + HIDDEN + " -e values again)" : ""));
    }

    /** {@code -bl}, {@code -Cl}: short options run together with {@code -l} after the first letter. */
    private static boolean clusterWithLimit(String arg) {
        return arg.matches("-[A-Za-z]{2,}.*") && arg.indexOf('l') > 1 && !arg.startsWith("-l") && !arg.startsWith("-e");
    }

    /** An extra-vars value with its secret-looking variables' values hidden (the whole value, if it is JSON or @file). */
    static String masked(String value) {
        if (!SECRET.matcher(value).find()) {
            return value;
        }
        if (value.startsWith("{") || value.startsWith("@")) {
            return HIDDEN;
        }
        return java.util.Arrays.stream(value.split(" ", -1)).map(kv -> kv.contains("=")
                && SECRET.matcher(kv.substring(0, kv.indexOf('='))).find() ? kv.substring(0, kv.indexOf('=') + 1) + HIDDEN
                : kv).collect(Collectors.joining(" "));
    }

    static String shellLine(List<String> args, String run) {
        return "nodefix " + command(args, run).stream().map(Command::quote).collect(Collectors.joining(" "));
    }

    /** The retry of a finished run, for the workflow: its hosts, the hint line and the command. */
    static java.util.function.Function<dev.nodefix.journal.RunMeta, Optional<dev.nodefix.workflow.Retry>> of(
            List<String> args) {
        return meta -> {
            RunRetry retry = RunRetry.of(meta);
            return line(args, retry).map(l -> new dev.nodefix.workflow.Retry(retry.hosts(), l,
                    shellLine(args, meta.id())));
        };
    }

    /** The command line of a command picocli ran; empty for one built in code (a rollback a play runs itself). */
    static List<String> args(picocli.CommandLine.Model.CommandSpec spec) {
        if (spec == null || spec.commandLine() == null || spec.commandLine().getParseResult() == null) {
            return List.of();
        }
        return spec.commandLine().getParseResult().originalArgs();
    }
}
