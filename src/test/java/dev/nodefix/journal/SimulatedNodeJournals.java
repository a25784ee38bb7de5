package dev.nodefix.journal;

import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For scripted hosts in tests: the node journal each host would keep from the journal commands it is sent (lock's
 * started line, journaled intent then done/failed by the scripted result, appended lines), and a journal read's
 * answer from it (one run's, or every run's listing), as a node gives them; other commands are not its business.
 */
public final class SimulatedNodeJournals {
    private final Map<String, StringBuilder> journals = new ConcurrentHashMap<>();

    /**
     * @param result what the host's script answers for the command (a journaled change's outcome)
     * @return the node's answer when {@code command} is a journal command, else empty
     */
    public Optional<CommandResult> answer(String host, Command command, CommandResult result) {
        List<String> argv = command.argv();
        String kind = argv.size() > 3 ? argv.get(3) : "";
        switch (kind) {
            case "nodefix-lock" -> append(host, argv.get(4), argv.get(6));
            case "nodefix-journal" -> {
                String intent = new String(command.stdin().orElseThrow(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
                append(host, argv.get(4), intent);
                append(host, argv.get(4), result.ok() ? "{\"phase\":\"done\",\"seq\":" + argv.get(5) + "}"
                        : "{\"phase\":\"failed\",\"seq\":" + argv.get(5) + ",\"error\":\"exit " + result.exitCode() + "\"}");
                return Optional.of(result);
            }
            case "nodefix-append" -> append(host, argv.get(4).replaceFirst(".*/", "").replace(".journal", ""), argv.get(5));
            case "nodefix-read" -> {
                StringBuilder j = journals.get(host + " " + argv.get(5));
                return Optional.of(j == null ? new CommandResult(44, "", "", Duration.ZERO) : new CommandResult(0, j.toString(), "", Duration.ZERO));
            }
            case "nodefix-list" -> {
                StringBuilder all = new StringBuilder();
                new java.util.TreeMap<>(journals).forEach((key, text) -> {
                    if (key.startsWith(host + " ")) {
                        all.append("nodefix-journal ").append(key.substring(host.length() + 1)).append('\n').append(text);
                    }
                });
                return Optional.of(new CommandResult(0, all.toString(), "", Duration.ZERO));
            }
            case "nodefix-unlock" -> {
                // released
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new CommandResult(0, "", "", Duration.ZERO));
    }

    /** Whether the host has a journal of the run. */
    public boolean has(String host, String run) {
        return journals.containsKey(host + " " + run);
    }

    private void append(String host, String run, String line) {
        journals.computeIfAbsent(host + " " + run, k -> new StringBuilder()).append(line).append('\n');
    }
}
