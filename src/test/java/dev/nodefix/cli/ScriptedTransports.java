package dev.nodefix.cli;

import dev.nodefix.inventory.Host;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import dev.nodefix.transport.TransportFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A transport factory whose hosts answer from a script: a result per host, or a failure class at connect.
 * For the CLI's own logic (exit codes, rendering); real SSH is covered by the MINA tests and the lab ITs.
 */
final class ScriptedTransports implements TransportFactory {
    private final Map<String, CommandResult> results = new HashMap<>();
    private final Map<String, FailureClass> unreachable = new HashMap<>();
    final List<String> commandsSeen = Collections.synchronizedList(new ArrayList<>());

    ScriptedTransports answer(String host, int rc, String stdout, String stderr) {
        results.put(host, new CommandResult(rc, stdout, stderr, Duration.ofMillis(5)));
        return this;
    }

    ScriptedTransports refuse(String host, FailureClass failure) {
        unreachable.put(host, failure);
        return this;
    }

    @Override
    public Transport connect(Host host) {
        FailureClass failure = unreachable.get(host.name());
        if (failure != null) {
            throw new TransportException(host.name(), failure, host.connection().address() + ":22 scripted " + failure.label());
        }
        return new Transport() {
            @Override
            public String host() {
                return host.name();
            }

            @Override
            public CommandResult execute(Command command) {
                commandsSeen.add(host.name() + ": " + command.toShellLine());
                CommandResult r = results.get(host.name());
                return r != null ? r : new CommandResult(0, "", "", Duration.ZERO);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
