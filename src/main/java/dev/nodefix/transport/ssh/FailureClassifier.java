package dev.nodefix.transport.ssh;

import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.TransportException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.connection.channel.OpenFailException;

/** Turns what sshj and the JDK threw into a {@link TransportException} an operator can triage by. */
final class FailureClassifier {
    private FailureClassifier() {
    }

    /** A failure while connecting or authenticating; a refused host key wins over whatever sshj said. */
    static TransportException connecting(SshTarget target, Throwable error, Optional<HostKeyVerdict> verdict) {
        if (error instanceof TransportException ours) {
            return ours;
        }
        Optional<HostKeyVerdict> refused = verdict.filter(v -> !v.accepted());
        if (refused.isPresent()) { // sshj's own text shows MD5 fingerprints: leave it out
            return new TransportException(target.host(), refused.get().failure(),
                    refused.get().message(target.address(), target.port()));
        }
        for (Throwable c = error; c != null; c = c.getCause()) {
            Optional<FailureClass> failure = classOf(c);
            if (failure.isPresent()) {
                return failure(target, failure.get(), describe(failure.get(), c), error);
            }
        }
        return failure(target, FailureClass.PROTOCOL, "ssh error: " + text(error), error);
    }

    /** A failure while a command ran on an authenticated connection. */
    static TransportException running(SshTarget target, Throwable error, boolean connected) {
        if (error instanceof TransportException ours) {
            return ours;
        }
        if (connected && error instanceof OpenFailException refused) { // e.g. sshd's MaxSessions reached
            return failure(target, FailureClass.PROTOCOL, "server refused a session channel: " + text(refused), error);
        }
        if (!connected || error instanceof EOFException || error instanceof SocketException
                || error instanceof SSHException) {
            return failure(target, FailureClass.DISCONNECTED, "connection lost during a command: " + text(error), error);
        }
        return failure(target, FailureClass.PROTOCOL, "ssh error during a command: " + text(error), error);
    }

    static TransportException failure(SshTarget target, FailureClass failure, String what, Throwable cause) {
        return new TransportException(target.host(), failure, target.endpoint() + ": " + what, cause);
    }

    private static Optional<FailureClass> classOf(Throwable c) {
        if (c instanceof UnknownHostException) {
            return Optional.of(FailureClass.DNS);
        }
        if (c instanceof NoRouteToHostException) {
            return Optional.of(FailureClass.NETWORK);
        }
        if (c instanceof SocketTimeoutException) {
            return Optional.of(FailureClass.TIMEOUT);
        }
        if (c instanceof ConnectException || c instanceof OpenFailException) {
            return Optional.of(byMessage(text(c)));
        }
        if (c instanceof EOFException || c instanceof SocketException) {
            return Optional.of(FailureClass.DISCONNECTED);
        }
        if (c instanceof SSHException ssh && text(ssh).contains("closed connection during identification")) {
            return Optional.of(FailureClass.DISCONNECTED); // EOF before the banner: sshd's MaxStartups, a busy listener
        }
        if (c instanceof SSHException ssh) {
            return byReason(ssh.getDisconnectReason());
        }
        return Optional.empty();
    }

    /** The JDK's and OpenSSH's (jump channel) texts for connect errors. */
    private static FailureClass byMessage(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("refused")) {
            return FailureClass.REFUSED;
        }
        if (m.contains("timed out") || m.contains("timeout")) {
            return FailureClass.TIMEOUT;
        }
        if (m.contains("resolve") || m.contains("name or service") || m.contains("unknown host")) {
            return FailureClass.DNS;
        }
        return FailureClass.NETWORK;
    }

    private static Optional<FailureClass> byReason(DisconnectReason reason) {
        return switch (reason) {
            case CONNECTION_LOST, BY_APPLICATION, TOO_MANY_CONNECTIONS -> Optional.of(FailureClass.DISCONNECTED);
            case NO_MORE_AUTH_METHODS_AVAILABLE, ILLEGAL_USER_NAME -> Optional.of(FailureClass.AUTH);
            default -> Optional.empty();
        };
    }

    private static String describe(FailureClass failure, Throwable c) {
        return switch (failure) {
            case DNS -> "name not resolved (" + text(c) + ")";
            case REFUSED -> "connection refused";
            case TIMEOUT -> "connect timeout (" + text(c) + ")";
            case DISCONNECTED -> "connection closed by the remote side during the handshake (" + text(c) + ")";
            default -> failure.label() + " (" + text(c) + ")";
        };
    }

    /** The message on one line, or the exception type when there is none. */
    static String text(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.replaceAll("\\s+", " ").trim();
    }
}
