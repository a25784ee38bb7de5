package dev.nodefix.shell;

import java.util.function.IntSupplier;

/** How the shell runs one CLI command: right here (scripts), or on a worker that Ctrl-C can interrupt (terminal). */
@FunctionalInterface
interface CommandRunner {
    /**
     * @param command runs the command, returns its exit code
     * @param abandon called when the shell stops waiting for a command that did not stop (its output is dropped)
     */
    int run(IntSupplier command, Runnable abandon);

    /** On the calling thread, to the end. */
    static CommandRunner direct() {
        return (command, abandon) -> command.getAsInt();
    }
}
