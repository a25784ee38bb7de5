package dev.nodefix.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a shell session remembers between lines: the inventory, the current target pattern (the commands'
 * {@code --limit}), the check/diff/become switches, the fan-out, the options the shell was started with
 * that every command reaching hosts takes too (connection, become user, {@code --no-color}), and the runs this
 * shell made (newest last; {@code undo} takes from the end).
 *
 * @param options CLI options, e.g. {@code [--known-hosts, FILE, --user, admin]}, appended to every remote command
 */
public record ShellState(Path inventory, String pattern, boolean check, boolean diff, boolean become, int forks,
                         List<String> options, List<String> runs) {
    public static final int DEFAULT_FORKS = 50;

    public ShellState {
        Objects.requireNonNull(inventory, "inventory");
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a target pattern is needed (all for every host)");
        }
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1: " + forks);
        }
        options = List.copyOf(options);
        runs = List.copyOf(runs);
    }

    /** A fresh session on every host of an inventory. */
    public static ShellState start(Path inventory, List<String> options) {
        return new ShellState(inventory, "all", false, false, false, DEFAULT_FORKS, options, List.of());
    }

    public ShellState withPattern(String newPattern) {
        return new ShellState(inventory, newPattern, check, diff, become, forks, options, runs);
    }

    public ShellState withCheck(boolean on) {
        return new ShellState(inventory, pattern, on, diff, become, forks, options, runs);
    }

    public ShellState withDiff(boolean on) {
        return new ShellState(inventory, pattern, check, on, become, forks, options, runs);
    }

    public ShellState withBecome(boolean on) {
        return new ShellState(inventory, pattern, check, diff, on, forks, options, runs);
    }

    public ShellState withForks(int n) {
        return new ShellState(inventory, pattern, check, diff, become, n, options, runs);
    }

    /** One more option for every command that reaches hosts. */
    public ShellState withOption(String option) {
        List<String> more = new ArrayList<>(options);
        more.add(option);
        return new ShellState(inventory, pattern, check, diff, become, forks, more, runs);
    }

    /** This shell made run {@code id}: {@code undo} will offer it first. */
    public ShellState withRun(String id) {
        List<String> more = new ArrayList<>(runs);
        more.add(id);
        return new ShellState(inventory, pattern, check, diff, become, forks, options, more);
    }

    /** Run {@code id} was undone: {@code undo} now offers the one before it. */
    public ShellState withoutRun(String id) {
        List<String> fewer = new ArrayList<>(runs);
        fewer.remove(id);
        return new ShellState(inventory, pattern, check, diff, become, forks, options, fewer);
    }
}
