package dev.nodefix.cli;

import dev.nodefix.engine.HostRun;
import dev.nodefix.fact.CollectorScript;
import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.report.FactsJson;
import dev.nodefix.report.FactsTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nodefix facts}: run the collector on every selected host (or read captured output) and show the facts. */
@picocli.CommandLine.Command(name = "facts", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Fingerprint each host for the flannel VXLAN 63-second delay: one read-only POSIX sh",
                "collector per host, one SSH round trip (see `nodefix collect-script`).",
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
        int exit = ExitCode.OK;
        List<HostFacts> results;
        if (from != null) {
            results = captured(from);
        } else {
            RemoteRun.Outcome outcome = new RemoteRun(ctx).run(inventory, connection, become,
                    CollectorScript.load().command());
            results = outcome.runs().stream().map(FactsCommand::facts).toList();
            exit = outcome.exitCode();
        }
        if (output.json()) {
            ctx.out().println(new FactsJson().render(results));
            ctx.out().flush();
        } else {
            new FactsTable().print(ctx.out(), results);
        }
        return exit;
    }

    private static HostFacts facts(HostRun run) {
        String host = run.host().name();
        if (run instanceof HostRun.Completed c && c.result().stdout().contains("@@nodefix:section ")) {
            return new HostFacts.Collected(host, NodeFacts.parse(c.result().stdout()));
        }
        if (run instanceof HostRun.Completed c) {
            return new HostFacts.NotCollected(host, "failed", "collector exited " + c.result().exitCode()
                    + " without output: " + c.result().stderr().strip());
        }
        if (run instanceof HostRun.Unreachable u) {
            return new HostFacts.NotCollected(host, "unreachable", u.error().getMessage());
        }
        HostRun.Errored e = (HostRun.Errored) run;
        return new HostFacts.NotCollected(host, "failed", e.failure() + ": " + e.message());
    }

    private static List<HostFacts> captured(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--from " + dir + ": not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().map(FactsCommand::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static HostFacts read(Path file) {
        try {
            return new HostFacts.Collected(file.getFileName().toString(), NodeFacts.parse(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
