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
 * Each host keeps the node journal the journaling commands would write (started, intent, done/failed,
 * unchanged) and prints it for a journal read, as a node does.
 */
final class ScriptedTransports implements TransportFactory {
    private final Map<String, CommandResult> results = new HashMap<>();
    private final Map<String, FailureClass> unreachable = new HashMap<>();
    final List<String> commandsSeen = Collections.synchronizedList(new ArrayList<>());
    private final dev.nodefix.journal.SimulatedNodeJournals nodeJournals = new dev.nodefix.journal.SimulatedNodeJournals();

    ScriptedTransports answer(String host, int rc, String stdout, String stderr) {
        results.put(host, new CommandResult(rc, stdout, stderr, Duration.ofMillis(5)));
        return this;
    }

    ScriptedTransports refuse(String host, FailureClass failure) {
        unreachable.put(host, failure);
        return this;
    }

    /** A journal command's answer from the host's simulated node journal; other commands get {@code r}. */
    private CommandResult journal(String host, Command command, CommandResult r) {
        boolean read = command.argv().size() > 5 && command.argv().get(3).equals("nodefix-read");
        if (read && !nodeJournals.has(host, command.argv().get(5)) && results.containsKey(host)) {
            return r; // a journal the test scripted as the host's answer
        }
        return nodeJournals.answer(host, command, r).orElse(r);
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
                return journal(host.name(), command, r != null ? r : new CommandResult(0, "", "", Duration.ZERO));
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
