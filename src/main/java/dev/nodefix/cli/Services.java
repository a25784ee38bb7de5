package dev.nodefix.cli;

import dev.nodefix.expr.Expressions;
import dev.nodefix.journal.RunStore;
import dev.nodefix.journal.UdpCsumReadings;
import dev.nodefix.module.ModuleRegistry;
import java.util.Objects;

/**
 * The long-lived parts every command shares, built once by the composition root and handed down in the
 * {@link CliContext}.
 *
 * @param modules     the modules a task or {@code run -m} may name
 * @param runs        the controller's run store
 * @param expressions the one template expression engine: the modules, the playbook loader and the executors use it
 * @param udpCsum     the UDP checksum error counts {@code diagnose} remembers between runs
 */
public record Services(ModuleRegistry modules, RunStore runs, Expressions expressions, UdpCsumReadings udpCsum) {
    public Services {
        Objects.requireNonNull(modules, "modules");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(expressions, "expressions");
        Objects.requireNonNull(udpCsum, "udpCsum");
    }
}
