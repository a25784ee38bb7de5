package dev.nodefix.probe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A TCP endpoint to time a connect to: an IPv4 address (a ClusterIP) and a port. */
public record ProbeTarget(String ip, int port) {
    private static final Pattern FORM = Pattern.compile("((?:\\d{1,3}\\.){3}\\d{1,3}):(\\d{1,5})");

    public ProbeTarget {
        if (!ip.matches("(\\d{1,3}\\.){3}\\d{1,3}") || java.util.Arrays.stream(ip.split("\\."))
                .anyMatch(o -> Integer.parseInt(o) > 255)) {
            throw new IllegalArgumentException("probe target: not an IPv4 address: " + ip);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("probe target: port out of range: " + port);
        }
    }

    /** {@code IP:PORT}. */
    public static ProbeTarget parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("probe target: expected IP:PORT, got '" + text + "'");
        }
        return new ProbeTarget(m.group(1), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
