package dev.nodefix.app;

import dev.nodefix.cli.CliContext;
import dev.nodefix.cli.CompletionScript;
import dev.nodefix.cli.ManPage;
import dev.nodefix.transport.ssh.SshTransportFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Writes the man pages and shell completion scripts of the whole command tree at build time
 * ({@code mvn package}, before the jar): {@code OUT/man/nodefix.1} and a {@code nodefix-COMMAND.1} per command,
 * {@code OUT/completion/nodefix.bash} and {@code OUT/completion/nodefix.zsh}. Nothing here runs at a user's start.
 */
public final class HelpFiles {
    private HelpFiles() {}

    /** {@code HelpFiles OUT VERSION}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: HelpFiles OUT_DIR VERSION");
        }
        write(Path.of(args[0]), args[1]);
    }

    /** Writes the pages and scripts under {@code out}; returns the files written. */
    public static java.util.List<Path> write(Path out, String version) throws IOException {
        CommandLine root = tree();
        java.util.List<Path> written = new java.util.ArrayList<>();
        Path man = Files.createDirectories(out.resolve("man"));
        written.add(Files.writeString(man.resolve(ManPage.fileName(root.getCommandSpec())),
                ManPage.roff(root.getCommandSpec(), "nodefix " + version)));
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandSpec().helpCommand()) {
                written.add(Files.writeString(man.resolve(ManPage.fileName(sub.getCommandSpec())),
                        ManPage.roff(sub.getCommandSpec(), "nodefix " + version)));
            }
        }
        Path completion = Files.createDirectories(out.resolve("completion"));
        written.add(Files.writeString(completion.resolve("nodefix.bash"), CompletionScript.bash(root)));
        written.add(Files.writeString(completion.resolve("nodefix.zsh"), CompletionScript.zsh(root)));
        return written;
    }

    /** The command tree as {@code nodefix} builds it, over a context that reaches nothing. */
    private static CommandLine tree() {
        PrintWriter nowhere = new PrintWriter(new StringWriter());
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "nodefix-help-files");
        Map<String, String> env = Map.of();
        CliContext ctx = new CliContext(nowhere, nowhere, env, home, Clock.systemUTC(), (kind, subject) -> Optional.empty(),
                SshTransportFactory::new, Nodefix.services(env, home), false, question -> false, () -> 0);
        return Nodefix.cli(ctx).commandLine();
    }
}
