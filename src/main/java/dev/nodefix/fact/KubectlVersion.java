package dev.nodefix.fact;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubectl version}: the client's and the API server's versions, in the old {@code version.Info{...}} form or
 * the plain one. The server's is the control plane's, not kube-proxy's on a node (kube-proxy may be older), so it
 * says nothing alone of a node's kube-proxy fix.
 */
public record KubectlVersion(Optional<String> client, Optional<String> server) {
    public static final String SECTION = "kubectl-version";
    public static final Fact<KubectlVersion> FACT = Fact.of(SECTION, KubectlVersion::parse);

    private static final Pattern LINE = Pattern.compile("\\s*(Client|Server) Version:\\s*(?:version\\.Info\\{.*?"
            + "GitVersion:\"(v[^\"]+)\".*|(v\\d+\\.\\d+\\.\\d+\\S*).*)");

    static KubectlVersion parse(Section section) {
        Optional<String> client = Optional.empty();
        Optional<String> server = Optional.empty();
        for (String line : section.status() == Section.Status.RAN ? section.lines() : List.<String>of()) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                Optional<String> v = Optional.ofNullable(m.group(2) != null ? m.group(2) : m.group(3));
                if (m.group(1).equals("Client")) {
                    client = client.or(() -> v);
                } else {
                    server = server.or(() -> v);
                }
            }
        }
        return new KubectlVersion(client, server);
    }
}
