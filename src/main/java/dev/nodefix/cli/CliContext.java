package dev.nodefix.cli;

import dev.nodefix.transport.TransportFactory;
import dev.nodefix.transport.ssh.SecretSource;
import dev.nodefix.transport.ssh.SshSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything a command needs from the outside world, handed in by the composition root
 * ({@code dev.nodefix.app.Main}) so that tests can run commands against other streams and transports.
 *
 * @param prompts    asks the operator for a secret on the terminal (empty answers when there is none)
 * @param transports builds the transport factory for the settings a command resolved
 * @param interactive whether stdin and stdout are a terminal (progress lines, prompts)
 */
public record CliContext(
        PrintWriter out,
        PrintWriter err,
        Map<String, String> env,
        Path home,
        Clock clock,
        SecretSource prompts,
        Function<SshSettings, TransportFactory> transports,
        boolean interactive) {

    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(transports, "transports");
    }
}
