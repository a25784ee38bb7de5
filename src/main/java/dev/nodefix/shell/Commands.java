package dev.nodefix.shell;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Predicate;

/**
 * The CLI's commands as the shell runs them, one command line at a time: the composition root hands in the
 * command tree, so a change made in the shell is planned, confirmed, journaled and listed as one made by the CLI.
 */
@FunctionalInterface
public interface Commands {
    /**
     * Runs {@code argv} ({@code run -m ethtool ...}) and returns its exit code.
     *
     * @param interactive a terminal: the command may ask (confirm, passwords) and show progress and colours
     * @param confirm     asks a yes/no question; false when nobody can answer
     */
    int run(List<String> argv, PrintWriter out, PrintWriter err, boolean interactive, Predicate<String> confirm);
}
