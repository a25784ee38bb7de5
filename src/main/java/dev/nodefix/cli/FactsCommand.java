package dev.nodefix.cli;

import dev.nodefix.report.FactsJson;
import dev.nodefix.report.FactsTable;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nodefix facts}: run the collector on every selected host (or read captured output) and show the facts. */
@picocli.CommandLine.Command(name = "facts", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Fingerprint each host for the flannel VXLAN 63-second delay.",
                "One read-only POSIX sh collector per host, in one SSH round trip (see `nodefix collect-script`).",
                "Exit: 0 all collected, 2 a collector failed, 4 a host unreachable, 1 bad input."})
public final class FactsCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "DIR",
            description = "Parse captured collector output offline, one file per host named after it; no SSH.")
    Path from;

    @Mixin InventoryOptions inventory;
    @Mixin ConnectionOptions connection;
    @Mixin BecomeOptions become;
    @Mixin OutputOptions output;

    private final CliContext ctx;

    public FactsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        FactSource.Results results = from != null ? FactSource.captured(from)
                : FactSource.live(ctx, inventory, connection, become);
        if (output.json()) {
            ctx.out().println(new FactsJson().render(results.hosts()));
            ctx.out().flush();
        } else {
            new FactsTable().print(ctx.out(), results.hosts());
        }
        return results.exitCode();
    }
}
