package dev.nodefix.cli;

import dev.nodefix.report.AdHocReport;
import dev.nodefix.transport.Command;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nodefix run -a CMD}: an ad-hoc shell command on every selected host. */
@picocli.CommandLine.Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Run an ad-hoc shell command on the selected hosts, in parallel (--forks).",
                "Each host's stdout, stderr and exit code are printed grouped by host, then a summary.",
                "Exit: 0 all ok, 2 a command failed, 4 a host unreachable, 1 bad input."})
public final class RunCommand implements Callable<Integer> {
    @Option(names = {"-a", "--args"}, required = true, paramLabel = "CMD",
            description = "The command line, run by /bin/sh -c on each host.")
    String commandLine;

    @Mixin InventoryOptions inventory;
    @Mixin ConnectionOptions connection;
    @Mixin BecomeOptions become;
    @Mixin OutputOptions output;

    private final CliContext ctx;

    public RunCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        RemoteRun remote = new RemoteRun(ctx);
        return remote.print(remote.run(inventory, connection, become, Command.shell(commandLine)), output, AdHocReport::new);
    }
}
