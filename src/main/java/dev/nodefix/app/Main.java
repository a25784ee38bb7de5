package dev.nodefix.app;

import dev.nodefix.cli.CliContext;
import dev.nodefix.transport.ssh.SshTransportFactory;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/** The composition root: the only place real implementations are wired together. */
public final class Main {
    /** Commands that will open SSH connections: worth warming the crypto provider up for. */
    private static final java.util.Set<String> REMOTE_COMMANDS = java.util.Set.of("ping", "run", "facts", "diagnose", "rollback",
            "shell");

    private Main() {}

    public static void main(String[] args) {
        LogLevels.apply(args);
        if (args.length > 0 && REMOTE_COMMANDS.contains(args[0])) {
            SshTransportFactory.warmUpInBackground();
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Path home = Path.of(System.getProperty("user.home"));
        CliContext ctx = new CliContext(out, err, System.getenv(), home, Clock.systemUTC(),
                new ConsolePrompts(System.console()), SshTransportFactory::new, Nodefix.services(System.getenv(), home),
                System.console() != null, Main::confirm, new SecureRandom()::nextInt);
        int code = Nodefix.cli(ctx).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** A yes/no question on the terminal; no terminal, no yes. */
    private static boolean confirm(String question) {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && answer.strip().matches("(?i)y|yes");
    }
}
