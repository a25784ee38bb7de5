package dev.nodefix.transport.ssh;

import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.TransportException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

/**
 * One command on its own session channel. stdout and stderr are drained concurrently (a chatty stderr
 * cannot stall the channel window), stdin gets {@link Command#wireStdin()} and then EOF, and the caller
 * waits against one deadline. On timeout the command is sent KILL and its channel closed; the connection
 * stays open for the next command.
 */
final class RemoteExecution {
    private final SSHClient client;
    private final SshTarget target;
    private final ExecutorService io;

    RemoteExecution(SSHClient client, SshTarget target, ExecutorService io) {
        this.client = client;
        this.target = target;
        this.io = io;
    }

    CommandResult run(Command command, Duration timeout) {
        long start = System.nanoTime();
        try (Session session = client.startSession()) {
            Session.Command remote = session.exec(command.toRemoteLine());
            return collect(remote, command, timeout, start);
        } catch (IOException e) {
            throw lost(e);
        }
    }

    private CommandResult collect(Session.Command remote, Command command, Duration timeout, long start) {
        long deadline = start + timeout.toNanos();
        Future<byte[]> out = io.submit(() -> remote.getInputStream().readAllBytes());
        Future<byte[]> err = io.submit(() -> remote.getErrorStream().readAllBytes());
        Future<Void> in = io.submit(() -> feed(remote.getOutputStream(), command));
        try {
            byte[] stdout = await(out, deadline);
            byte[] stderr = await(err, deadline);
            remote.join(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new CommandResult(exitCode(remote), utf8(stdout), utf8(stderr),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (TimeoutException e) {
            abandon(remote);
            throw timedOut(command, timeout);
        } catch (IOException e) {
            throw System.nanoTime() >= deadline ? timedOut(command, timeout) : lost(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(remote);
            throw FailureClassifier.failure(target, FailureClass.COMMAND_TIMEOUT, "interrupted while running a command", e);
        } finally {
            in.cancel(true); // a command that exited without reading its stdin leaves the writer blocked
            out.cancel(true);
            err.cancel(true);
        }
    }

    private static Void feed(OutputStream stdin, Command command) throws IOException {
        try (stdin) { // closing sends EOF, also when there is nothing to send
            if (command.wireStdin().isPresent()) {
                stdin.write(command.wireStdin().get());
                stdin.flush();
            }
        }
        return null;
    }

    private byte[] await(Future<byte[]> stream, long deadline)
            throws TimeoutException, IOException, InterruptedException {
        try {
            return stream.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** The exit status, or 128 + signal number like a shell when the command was killed. */
    private int exitCode(Session.Command remote) {
        Integer status = remote.getExitStatus();
        if (status != null) {
            return status;
        }
        Signal signal = remote.getExitSignal();
        if (signal == null && !client.isConnected()) {
            throw lost(new IOException("no exit status"));
        }
        return signal == null ? -1 : 128 + signalNumber(signal);
    }

    private static int signalNumber(Signal signal) {
        return switch (signal) {
            case HUP -> 1;
            case INT -> 2;
            case QUIT -> 3;
            case ILL -> 4;
            case ABRT -> 6;
            case FPE -> 8;
            case KILL -> 9;
            case USR1 -> 10;
            case SEGV -> 11;
            case USR2 -> 12;
            case PIPE -> 13;
            case ALRM -> 14;
            case TERM -> 15;
            default -> 0;
        };
    }

    /** Best effort: ask the server to kill the command (OpenSSH 7.9+ honours it), then close the channel. */
    private static void abandon(Session.Command remote) {
        try {
            remote.signal(Signal.KILL);
        } catch (IOException | RuntimeException ignored) {
            // the channel close below is what counts
        }
        SshTransport.closeQuietly(remote);
    }

    private TransportException timedOut(Command command, Duration timeout) {
        String line = command.toString().replaceAll("\\s+", " ");
        String shown = line.length() > 80 ? line.substring(0, 77) + "..." : line;
        return FailureClassifier.failure(target, FailureClass.COMMAND_TIMEOUT, "command timed out after "
                + Handshake.seconds(timeout) + " (channel closed, connection kept): " + shown, null);
    }

    private TransportException lost(IOException e) {
        return FailureClassifier.running(target, e, client.isConnected());
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
