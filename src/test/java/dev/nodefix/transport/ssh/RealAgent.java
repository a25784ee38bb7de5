package dev.nodefix.transport.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real OpenSSH {@code ssh-agent -D -a SOCKET} for tests, keys added with the real {@code ssh-add}.
 * Closing kills exactly the agent this object started (by its process handle).
 */
public final class RealAgent implements AutoCloseable {
    private final Process process;
    private final Path socket;

    private RealAgent(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts an agent listening on {@code dir/agent.sock}; waits until the socket exists. */
    public static RealAgent start(Path dir) {
        Path socket = dir.resolve("agent.sock");
        try {
            Process p = new ProcessBuilder("/usr/bin/ssh-agent", "-D", "-a", socket.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
            RealAgent agent = new RealAgent(p, socket);
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(20);
            }
            if (!Files.exists(socket)) {
                agent.close();
                throw new IllegalStateException("ssh-agent did not create " + socket);
            }
            return agent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path socket() {
        return socket;
    }

    public long pid() {
        return process.pid();
    }

    /** {@code ssh-add FILE...}. */
    public void add(Path... keys) {
        List<String> args = new ArrayList<>(List.of("/usr/bin/ssh-add", "-q"));
        for (Path k : keys) {
            args.add(k.toString());
        }
        run(args);
    }

    /** {@code ssh-add -L}: the public keys as OpenSSH lists them, in the agent's order. */
    public List<String> list() {
        return run(List.of("/usr/bin/ssh-add", "-L")).lines().toList();
    }

    private String run(List<String> args) {
        try {
            ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
            pb.environment().put("SSH_AUTH_SOCK", socket.toString());
            pb.environment().remove("DISPLAY");
            pb.environment().remove("SSH_ASKPASS");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(args + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
