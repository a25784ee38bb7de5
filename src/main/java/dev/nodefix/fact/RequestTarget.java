package dev.nodefix.fact;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a timed request or a captured SYN went, and whether that is inside the cluster: a private address (a
 * ClusterIP, a pod, a NodePort on a node) or a cluster DNS name ({@code x.svc}, {@code x.cluster.local}, a bare
 * service name). Loopback and public names or addresses are not: the path there need not cross flannel.1.
 *
 * @param host the host as shown
 * @param port the port, when shown
 */
public record RequestTarget(String host, Optional<Integer> port) {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern URL = Pattern.compile(
            "(?:[a-z][a-z0-9+.-]*://)?(?:[^@/\\s]*@)?(\\[[0-9A-Fa-f:.]+]|[\\w.-]+)(?::(\\d{1,5}))?(?:[/?#].*)?");

    /** A URL or {@code host[:port]} as typed ({@code http://10.43.0.10:9153/metrics}); empty when it is not one. */
    public static Optional<RequestTarget> parse(String typed, Optional<Integer> port) {
        Matcher m = URL.matcher(typed.replaceAll("^['\"]|['\"]$", ""));
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Integer> shown = Optional.ofNullable(m.group(2)).map(Integer::parseInt);
        return Optional.of(new RequestTarget(m.group(1).replaceAll("[\\[\\]]", ""), shown.or(() -> port)));
    }

    /** A private address or a cluster name: the request may cross the VXLAN leg. */
    public boolean inCluster() {
        Matcher v4 = IPV4.matcher(host);
        if (v4.matches()) {
            int a = Integer.parseInt(v4.group(1));
            int b = Integer.parseInt(v4.group(2));
            return a == 10 || a == 172 && b >= 16 && b < 32 || a == 192 && b == 168 || a == 100 && b >= 64 && b < 128;
        }
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.contains(":")) {
            return h.startsWith("fd") || h.startsWith("fc");
        }
        return h.endsWith(".svc") || h.endsWith(".cluster.local") || h.contains(".svc.")
                || !h.contains(".") && !h.equals("localhost") && h.matches("[a-z][a-z0-9-]*");
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return port.map(p -> h + ":" + p).orElse(h);
    }
}
