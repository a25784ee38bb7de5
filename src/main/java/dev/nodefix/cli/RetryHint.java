package dev.nodefix.cli;

import dev.nodefix.transport.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The line a run's recap ends with when some of its hosts did not finish: the command the user ran, its
 * {@code -l/--limit} replaced by {@code --limit @RUN}, each word quoted for the shell.
 */
final class RetryHint {
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
            } else if (!a.startsWith("--limit=") && !(a.startsWith("-l") && !a.startsWith("--"))) {
                out.add(a);
            }
        }
        int at = out.indexOf("--") < 0 ? out.size() : out.indexOf("--");
        out.add(at, "--limit");
        out.add(at + 1, "@" + run);
        return out;
    }

    /** The hint, when the run has hosts to retry and the command line is known. */
    static Optional<String> line(List<String> args, RunRetry retry) {
        if (args.isEmpty() || retry.nothing()) {
            return Optional.empty();
        }
        return Optional.of("retry the " + retry.hosts().size() + " host(s) that did not finish: " + shellLine(args, retry.run()));
    }

    static String shellLine(List<String> args, String run) {
        return "nodefix " + command(args, run).stream().map(Command::quote).collect(Collectors.joining(" "));
    }

    /** The command line of a command picocli ran; empty for one built in code (a rollback a play runs itself). */
    static List<String> args(picocli.CommandLine.Model.CommandSpec spec) {
        if (spec == null || spec.commandLine() == null || spec.commandLine().getParseResult() == null) {
            return List.of();
        }
        return spec.commandLine().getParseResult().originalArgs();
    }
}
