package dev.nodefix.cli;

import dev.nodefix.engine.HostRun;
import dev.nodefix.fact.CollectorScript;
import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.NodeFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where facts come from: the collector run live over SSH, or captured collector output read from a directory. */
final class FactSource {
    /** @param exitCode as {@link RemoteRun.Outcome#exitCode()}, 0 for captured output */
    record Results(List<HostFacts> hosts, int exitCode) {
        Results {
            hosts = List.copyOf(hosts);
        }
    }

    private FactSource() {}

    static Results live(CliContext ctx, InventoryOptions inventory, ConnectionOptions connection, BecomeOptions become) {
        CollectorScript collector = CollectorScript.load();
        RemoteRun.Outcome outcome = new RemoteRun(ctx).run(inventory, connection, become, collector::command);
        return new Results(outcome.runs().stream().map(FactSource::facts).toList(), outcome.exitCode());
    }

    static HostFacts facts(HostRun run) {
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

    /** One file per host, named after it; dot files are skipped. */
    static Results captured(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--from " + dir + ": not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return new Results(files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().map(FactSource::read).toList(), ExitCode.OK);
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
