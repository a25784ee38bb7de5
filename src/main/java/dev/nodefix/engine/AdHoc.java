package dev.nodefix.engine;

import dev.nodefix.inventory.Host;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.TransportException;
import dev.nodefix.transport.TransportFactory;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs one command on many hosts in parallel over one connection per host, and says what happened on each. */
public final class AdHoc {
    private final TransportFactory factory;
    private final FanOut fanOut;

    public AdHoc(TransportFactory factory, int forks) {
        this.factory = factory;
        this.fanOut = new FanOut(forks);
    }

    public List<HostRun> run(List<Host> hosts, Function<Host, Command> commandFor) {
        return run(hosts, commandFor, done -> { });
    }

    /** @param progress told about each host as it finishes (on the calling thread) */
    public List<HostRun> run(List<Host> hosts, Function<Host, Command> commandFor, Consumer<HostRun> progress) {
        try (Connections connections = new Connections(factory)) {
            return fanOut.<CommandResult>run(hosts,
                            host -> connections.get(host).execute(commandFor.apply(host)),
                            outcome -> progress.accept(toRun(outcome)))
                    .stream().map(AdHoc::toRun).toList();
        }
    }

    private static HostRun toRun(HostOutcome<CommandResult> outcome) {
        if (outcome instanceof HostOutcome.Succeeded<CommandResult> ok) {
            return new HostRun.Completed(ok.host(), ok.value());
        }
        if (outcome instanceof HostOutcome.Failed<CommandResult> failed) {
            TransportException e = failed.error();
            return e.failure().unreachable()
                    ? new HostRun.Unreachable(failed.host(), e)
                    : new HostRun.Errored(failed.host(), e.failure().label(), e.getMessage());
        }
        HostOutcome.Crashed<CommandResult> crashed = (HostOutcome.Crashed<CommandResult>) outcome;
        return new HostRun.Errored(crashed.host(), "internal error", String.valueOf(crashed.error()));
    }
}
