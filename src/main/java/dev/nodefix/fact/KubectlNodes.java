package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubectl get nodes [-o wide]}: each node's kubelet version (k3s's own version on a k3s node) and, with
 * {@code -o wide}, its kernel. A per-node fact: one host's values are known only when the evidence names that host
 * (its node name, or the prompt the command was typed at, {@code [root@node1 ~]#}: {@link #thisHost}); otherwise it
 * cannot tell which row is which node.
 *
 * @param promptHost the host named by the prompt the command was typed at, when the paste shows one
 */
public record KubectlNodes(List<Row> rows, Optional<String> promptHost) {
    public static final String SECTION = "kubectl-nodes";
    public static final Fact<KubectlNodes> FACT = Fact.of(SECTION, KubectlNodes::parse);

    /** A publisher's line numbers ({@code "  4. "}) before a row. */
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+\\.\\s+");
    private static final Pattern HEADER = Pattern.compile("NAME\\s+STATUS\\s+ROLES\\s+AGE\\s+VERSION\\b.*");
    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+\\S*");
    /** {@code [root@node1 ~]# kubectl ...} or {@code user@node1:~$ kubectl ...}: the host typed at. */
    private static final Pattern PROMPT = Pattern.compile("\\[?[\\w.-]+@([\\w-]+)[\\w.-]*[\\s:\\]].*?[#$>]\\s*\\S*kubectl\\b.*");

    /**
     * @param kernel the KERNEL-VERSION column, empty without {@code -o wide}
     */
    public record Row(String name, String status, String version, Optional<String> kernel) {}

    public KubectlNodes {
        rows = List.copyOf(rows);
    }

    static KubectlNodes parse(Section section) {
        List<Row> rows = new ArrayList<>();
        Optional<String> prompt = Optional.empty();
        boolean wide = false;
        boolean header = false;
        for (String raw : section.status() == Section.Status.RAN ? section.lines() : List.<String>of()) {
            String line = NUMBERED.matcher(raw).replaceFirst("").strip();
            Matcher typed = PROMPT.matcher(line);
            if (!header && typed.matches()) {
                prompt = Optional.of(typed.group(1));
            }
            if (HEADER.matcher(line).matches()) {
                header = true;
                wide = line.contains("KERNEL-VERSION");
                continue;
            }
            String[] t = line.split("\\s+");
            if (header && t.length >= 5 && VERSION.matcher(t[4]).matches()) {
                Optional<String> kernel = wide && t.length >= 10 ? Optional.of(t[t.length - 2]) : Optional.empty();
                rows.add(new Row(t[0], t[1], t[4], kernel));
            }
        }
        return new KubectlNodes(rows, prompt);
    }

    /** The row of {@code node} (Kubernetes names are lower-case), when the output names it. */
    public Optional<Row> row(Optional<String> node) {
        return node.flatMap(n -> rows.stream().filter(r -> r.name().equals(n.toLowerCase(Locale.ROOT))).findFirst());
    }

    /** This host's row: by its node name when known, else by the host its prompt names. */
    public Optional<Row> thisHost(Optional<String> nodeName) {
        return row(nodeName).or(() -> nodeName.isEmpty() ? row(promptHost) : Optional.empty());
    }

    /** The one kernel every listed node runs ({@code -o wide}), when they all agree. */
    public Optional<String> commonKernel() {
        List<Optional<String>> kernels = rows.stream().map(Row::kernel).distinct().toList();
        return kernels.size() == 1 ? kernels.get(0) : Optional.empty();
    }

    /** The one version every listed node runs, when they all agree. */
    public Optional<String> commonVersion() {
        List<String> versions = rows.stream().map(Row::version).distinct().toList();
        return versions.size() == 1 ? Optional.of(versions.get(0)) : Optional.empty();
    }
}
