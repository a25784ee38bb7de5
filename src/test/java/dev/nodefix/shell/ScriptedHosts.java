package dev.nodefix.shell;

import dev.nodefix.inventory.Host;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hosts that answer from a script: the first rule whose text the command line (or its stdin) contains gives the
 * output, else {@code fallback}; every host the same. (The CLI's ScriptedTransports answers one output per host whatever the
 * command; the shell's tests need the collector and a module's state read to differ.) Journal commands are
 * answered from a simulated node journal.
 */
final class ScriptedHosts implements TransportFactory {
    private final Map<String, String> rules = new LinkedHashMap<>();
    private final String fallback;
    final List<String> commandsSeen = Collections.synchronizedList(new ArrayList<>());
    private final dev.nodefix.journal.SimulatedNodeJournals nodeJournals = new dev.nodefix.journal.SimulatedNodeJournals();

    ScriptedHosts(String fallback) {
        this.fallback = fallback;
    }

    ScriptedHosts when(String contained, String stdout) {
        rules.put(contained, stdout);
        return this;
    }

    long count(String contained) {
        return commandsSeen.stream().filter(c -> c.contains(contained)).count();
    }

    @Override
    public Transport connect(Host host) {
        return new Transport() {
            @Override
            public String host() {
                return host.name();
            }

            @Override
            public CommandResult execute(Command command) {
                String line = command.toShellLine();
                commandsSeen.add(host.name() + ": " + line);
                String text = line + command.stdin().map(b -> "\n" + new String(b, StandardCharsets.UTF_8)).orElse("");
                String out = rules.entrySet().stream().filter(r -> text.contains(r.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(fallback);
                CommandResult r = new CommandResult(0, out, "", Duration.ofMillis(1));
                return nodeJournals.answer(host.name(), command, r).orElse(r);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
