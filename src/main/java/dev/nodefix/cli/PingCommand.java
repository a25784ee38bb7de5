package dev.nodefix.cli;

import dev.nodefix.report.PingReport;
import dev.nodefix.transport.Command;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** {@code nodefix ping}: connect, verify the host key, authenticate, run {@code true}. */
@picocli.CommandLine.Command(name = "ping", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Connect to each selected host, verify its host key, log in and run `true`.",
                "A failure is named per host: host key unknown or CHANGED, authentication failed, connect timeout,"
                + " connection refused, name not resolved.",
                "Exit: 0 all reached, 2 a command failed, 4 a host unreachable, 1 bad input."})
public final class PingCommand implements Callable<Integer> {
    @Mixin InventoryOptions inventory;
    @Mixin ConnectionOptions connection;
    @Mixin BecomeOptions become;
    @Mixin OutputOptions output;

    private final CliContext ctx;

    public PingCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        RemoteRun remote = new RemoteRun(ctx);
        return remote.print(remote.run(inventory, connection, become, Command.of("true")), output, PingReport::new);
    }
}
