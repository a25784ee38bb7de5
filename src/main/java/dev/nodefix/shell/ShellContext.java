package dev.nodefix.shell;

import dev.nodefix.journal.RunStore;
import dev.nodefix.module.ModuleRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the shell needs from outside, handed in by the composition root.
 *
 * @param out      where a script's output goes (a terminal session writes to the terminal)
 * @param env      the environment (prompt, history file)
 * @param commands the CLI's commands, which every line that is not the shell's own runs through
 * @param runs     the controller's run store (completion offers its run ids; the history file is kept beside it)
 * @param modules  the modules a line may name
 */
public record ShellContext(PrintWriter out, PrintWriter err, Map<String, String> env, Commands commands, RunStore runs,
        ModuleRegistry modules) {
    public ShellContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(modules, "modules");
    }

    /** The shell's history file: beside the run store, {@code $XDG_STATE_HOME/nodefix/shell_history}. */
    Path history() {
        return runs.dir().getParent().resolve("shell_history");
    }
}
