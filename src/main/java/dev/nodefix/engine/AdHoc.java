package dev.nodefix.engine;

import dev.nodefix.inventory.Host;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.TransportFactory;
import java.util.List;
import java.util.function.Function;

/** Runs one command on many hosts in parallel and reports per host. (Being wired to FanOut.) */
public final class AdHoc {
    private final TransportFactory factory;
    private final int forks;

    public AdHoc(TransportFactory factory, int forks) {
        this.factory = factory;
        this.forks = forks;
    }

    public List<HostRun> run(List<Host> hosts, Function<Host, Command> commandFor) {
        throw new UnsupportedOperationException("not wired yet: " + factory + forks + hosts + commandFor);
    }
}
