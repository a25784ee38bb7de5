package dev.nodefix.cli;

import dev.nodefix.app.Nodefix;
import dev.nodefix.transport.SecretSource;
import dev.nodefix.transport.SshSettings;
import dev.nodefix.transport.TransportFactory;
import dev.nodefix.transport.ssh.SshTransportFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Runs the real command tree in-process against captured streams; the transport is real sshj unless given. */
public final class CliRunner {
    /** What a command printed and returned. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private Path home = Path.of(System.getProperty("java.io.tmpdir"), "nodefix-test-home");
    private Function<SshSettings, TransportFactory> transports = SshTransportFactory::new;
    private Path workingDir = Path.of("").toAbsolutePath();
    private Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    public CliRunner env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public CliRunner home(Path newHome) {
        this.home = newHome;
        return this;
    }

    public CliRunner transports(Function<SshSettings, TransportFactory> factory) {
        this.transports = factory;
        return this;
    }

    /** Where ./ansible.cfg and relative paths are looked up (default: the JVM's working directory). */
    public CliRunner workingDir(Path dir) {
        this.workingDir = dir;
        return this;
    }

    public CliRunner clock(Clock newClock) {
        this.clock = newClock;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Nodefix.cli(context(new PrintWriter(out, true), new PrintWriter(err, true))).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A context writing nowhere, for parse-only tests. */
    public CliContext context() {
        return context(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private CliContext context(PrintWriter out, PrintWriter err) {
        SecretSource noPrompts = (kind, subject) -> Optional.empty();
        return new CliContext(out, err, env, home, clock, noPrompts, transports, Nodefix.services(env, home), false,
                question -> false,
                new java.util.Random()::nextInt, workingDir);
    }
}
