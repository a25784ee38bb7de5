package dev.nodefix.workflow;

import java.util.List;
import java.util.Objects;

/**
 * The hosts of a run that did not finish, and how to run it again on them ({@code --limit @RUN}).
 *
 * @param line what the text report ends with
 * @param command the command line, quoted for the shell
 */
public record Retry(List<String> hosts, String line, String command) {
    public Retry {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(command, "command");
    }
}
