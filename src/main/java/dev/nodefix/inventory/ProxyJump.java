package dev.nodefix.inventory;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads OpenSSH's {@code ProxyJump} syntax, {@code [ssh://][user@]host[:port]} (IPv6 hosts in brackets),
 * as used by {@code -J}, {@code -o ProxyJump=} and {@code nodefix_jump}. {@code none} means no jump.
 */
public final class ProxyJump {
    /** A value nodefix cannot use; the message says why. */
    public static final class BadJump extends RuntimeException {
        BadJump(String message) {
            super(message);
        }
    }

    private ProxyJump() {}

    public static Optional<Jump> parse(String spec) {
        String s = spec.strip();
        if (s.toLowerCase(Locale.ROOT).equals("none")) {
            return Optional.empty();
        }
        if (s.contains(",")) {
            throw new BadJump("only one jump host is supported, found '" + s + "'");
        }
        if (s.startsWith("ssh://")) {
            s = s.substring("ssh://".length());
        }
        int at = s.lastIndexOf('@');
        Optional<String> user = at > 0 ? Optional.of(s.substring(0, at)) : Optional.empty();
        Jump jump = hostAndPort(s.substring(at + 1), user, spec);
        if (jump.host().chars().anyMatch(Character::isWhitespace) || at == 0) {
            throw new BadJump("a jump host must look like [user@]host[:port], found '" + spec + "'");
        }
        return Optional.of(jump);
    }

    private static Jump hostAndPort(String hostPort, Optional<String> user, String spec) {
        String host = hostPort;
        int port = Connection.DEFAULT_PORT;
        int colon = hostPort.indexOf(':');
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new BadJump("unbalanced '[' in jump host '" + spec + "'");
            }
            host = hostPort.substring(1, close);
            port = portAfter(hostPort.substring(close + 1), spec);
        } else if (colon >= 0 && colon == hostPort.lastIndexOf(':')) {
            host = hostPort.substring(0, colon);
            port = portAfter(hostPort.substring(colon), spec);
        }
        if (host.isBlank()) {
            throw new BadJump("a jump host must look like [user@]host[:port], found '" + spec + "'");
        }
        return new Jump(user, host, port);
    }

    private static int portAfter(String rest, String spec) {
        if (rest.isEmpty()) {
            return Connection.DEFAULT_PORT;
        }
        if (!rest.startsWith(":")) {
            throw new BadJump("a jump host must look like [user@]host[:port], found '" + spec + "'");
        }
        return Ports.parse(rest.substring(1)).orElseThrow(() ->
                new BadJump("the port of jump host '" + spec + "' must be a number from 1 to 65535"));
    }
}
