package dev.nodefix.fact;

import dev.nodefix.transport.Command;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The POSIX sh collector ({@code collector.sh} next to this class). It is sent on stdin to {@code /bin/sh -s},
 * so it runs the same whatever the login shell, in one SSH round trip.
 */
public record CollectorScript(String text) {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    public static CollectorScript load() {
        try (InputStream in = CollectorScript.class.getResourceAsStream("collector.sh")) {
            if (in == null) {
                throw new IllegalStateException("collector.sh is missing from the nodefix jar");
            }
            return new CollectorScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read collector.sh", e);
        }
    }

    public Command command() {
        return Command.of("/bin/sh", "-s").withStdin(text.getBytes(StandardCharsets.UTF_8)).withTimeout(TIMEOUT);
    }
}
