package dev.nodefix.query;

import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/** Runs a {@link Command}'s argv and stdin on this machine, as a node would, for tests of the shell nodefix sends. */
public final class LocalShell {
    private LocalShell() {}

    public static CommandResult run(Command command) {
        return run(command, UnaryOperator.identity());
    }

    /** @param rewrite applied to every argv element first (e.g. to move /var/lib/nodefix into a temp dir) */
    public static CommandResult run(Command command, UnaryOperator<String> rewrite) {
        List<String> argv = command.argv().stream().map(rewrite).toList();
        try {
            Process p = new ProcessBuilder(argv).start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            try (var stdin = p.getOutputStream()) {
                if (command.stdin().isPresent()) {
                    stdin.write(command.stdin().get());
                }
            } catch (IOException e) {
                // the command exited without reading its input
            }
            int rc = p.waitFor();
            return new CommandResult(rc, new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8), Duration.ZERO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
