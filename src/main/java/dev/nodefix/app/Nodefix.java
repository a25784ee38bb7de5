package dev.nodefix.app;

import dev.nodefix.cli.Cli;
import dev.nodefix.cli.CliContext;
import dev.nodefix.cli.Services;
import dev.nodefix.expr.Expressions;
import dev.nodefix.journal.RunStore;
import dev.nodefix.journal.UdpCsumReadings;
import dev.nodefix.modules.BuiltinModules;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The whole command tree (the CLI's commands and the shell, which runs them) and the services they share. */
public final class Nodefix {
    private Nodefix() {}

    public static Cli cli(CliContext ctx) {
        return new Cli(ctx, List.of(ShellCommand.class));
    }

    /**
     * The services, each built once: one expression engine (the modules', the playbook loader's and the
     * executors'), the built-in modules over it, and the stores under {@code $XDG_STATE_HOME/nodefix} (default
     * {@code ~/.local/state}).
     */
    public static Services services(Map<String, String> env, Path home) {
        Expressions expressions = new Expressions();
        return new Services(BuiltinModules.registry(expressions), new RunStore(RunStore.defaultDir(env, home)),
                expressions, new UdpCsumReadings(UdpCsumReadings.defaultFile(env, home)));
    }
}
