package dev.nodefix.app;

import dev.nodefix.cli.Cli;
import dev.nodefix.cli.CliContext;
import java.util.List;

/** The whole command tree: the CLI's commands and the shell, which runs them. */
public final class Nodefix {
    private Nodefix() {}

    public static Cli cli(CliContext ctx) {
        return new Cli(ctx, List.of(ShellCommand.class));
    }
}
