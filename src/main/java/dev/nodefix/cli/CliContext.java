package dev.nodefix.cli;

import dev.nodefix.transport.SecretSource;
import dev.nodefix.transport.SshSettings;
import dev.nodefix.transport.TransportFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * Everything a command needs from the outside world, handed in by the composition root
 * ({@code dev.nodefix.app.Main}) so that tests can run commands against other streams and transports.
 *
 * @param prompts    asks the operator for a secret on the terminal (empty answers when there is none)
 * @param transports builds the transport factory for the settings a command resolved
 * @param services   the module registry, run store and expressions, built once
 * @param interactive whether stdin and stdout are a terminal (progress lines, prompts)
 * @param confirm    asks the operator a yes/no question on the terminal; false when there is none
 * @param entropy    random bits for run ids
 * @param workingDir where relative paths and {@code ./ansible.cfg} are looked up
 */
public record CliContext(
        PrintWriter out,
        PrintWriter err,
        Map<String, String> env,
        Path home,
        Clock clock,
        SecretSource prompts,
        Function<SshSettings, TransportFactory> transports,
        Services services,
        boolean interactive,
        Predicate<String> confirm,
        IntSupplier entropy,
        Path workingDir) {

    /** A context whose working directory is the process's own. */
    public CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path home, Clock clock,
            SecretSource prompts, Function<SshSettings, TransportFactory> transports, Services services,
            boolean interactive, Predicate<String> confirm, IntSupplier entropy) {
        this(out, err, env, home, clock, prompts, transports, services, interactive, confirm, entropy,
                Path.of("").toAbsolutePath());
    }

    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(transports, "transports");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(confirm, "confirm");
        Objects.requireNonNull(entropy, "entropy");
        Objects.requireNonNull(workingDir, "workingDir");
    }

    /** The same context talking to the operator through other streams and questions (a shell's line). */
    public CliContext withTerminal(PrintWriter newOut, PrintWriter newErr, boolean isInteractive,
            Predicate<String> newConfirm) {
        return new CliContext(newOut, newErr, env, home, clock, prompts, transports, services, isInteractive, newConfirm, entropy,
                workingDir);
    }

    /** The same context printing what goes to stdout to {@code newOut} (a nested command's report under --json). */
    public CliContext withOut(PrintWriter newOut) {
        return new CliContext(newOut, err, env, home, clock, prompts, transports, services, interactive, confirm, entropy,
                workingDir);
    }
}
