package dev.nodefix.query;

import dev.nodefix.transport.Command;
import java.time.Duration;
import java.util.Objects;

/**
 * A timed TCP connect from the node to {@code host:port}, as the probe does it (dev.nodefix.probe.ProbeScript):
 * curl's {@code time_connect} when curl is there, else {@code timeout N nc -z} timed with {@code date +%s%N}.
 * Prints {@code TOOL RC VALUE}; {@link ConnectState} says connected (and how fast), stalled or failed.
 */
public record ConnectQuery(String host, int port, Duration timeout) implements Query {
    /** A host name or an IPv4/IPv6 address: nothing a shell or a URL could read as more than that. */
    static final String HOST = "[A-Za-z0-9_.:][A-Za-z0-9_.:-]{0,252}"; // no leading "-": never an option

    public ConnectQuery {
        Objects.requireNonNull(host, "host");
        if (!host.matches(HOST)) {
            throw new IllegalArgumentException("not a host name or address: " + host);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > 3600) {
            throw new IllegalArgumentException("timeout must be 1 ms to 1 h: " + timeout);
        }
    }

    @Override
    public String script() {
        String url = Command.quote("http://" + target() + "/");
        String secs = seconds();
        return "if command -v curl >/dev/null 2>&1; then"
                + " s=$(curl -so /dev/null -w '%{time_connect}' --connect-timeout " + secs + " -m "
                + Command.quote(String.valueOf(timeout.toSeconds() + 1)) + " " + url + "); rc=$?; echo \"curl $rc $s\";"
                + " elif command -v nc >/dev/null 2>&1; then"
                + " a=$(date +%s%N); timeout " + secs + " nc -z " + Command.quote(host) + " " + port
                + " </dev/null >/dev/null 2>&1; rc=$?; b=$(date +%s%N); echo \"nc $rc $(( (b - a) / 1000 ))us\";"
                + " else echo 'none 127'; fi";
    }

    @Override
    public ConnectState parse(String output, int exitCode) {
        return ConnectState.parse(this, output);
    }

    /** The limit as curl and timeout take it: seconds, with a fraction when needed. */
    String seconds() {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.format(java.util.Locale.ROOT, "%.3f", ms / 1000.0);
    }

    /** {@code host:port}, with an IPv6 address in brackets. */
    public String target() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** How long reading this query may take: curl's {@code -m} (the timeout plus 1 s) and a margin. */
    @Override
    public Duration budget() {
        return timeout.plusSeconds(3);
    }

    /** This query's value in {@code state}. */
    public ConnectState in(NodeState state) {
        return QueryValues.get(state, this, ConnectState.class);
    }
}
