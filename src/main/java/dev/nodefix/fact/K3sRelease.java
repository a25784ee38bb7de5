package dev.nodefix.fact;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A k3s release number, {@code v1.25.4+k3s1}: the Kubernetes version it embeds and its k3s build. A release
 * candidate ({@code -rc2}) sorts before its release, after the candidates numbered lower.
 *
 * @param rc the release candidate's number, 0 for the release itself
 */
public record K3sRelease(int major, int minor, int patch, int build, int rc) implements Comparable<K3sRelease> {
    private static final Pattern TEXT = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(?:-rc(\\d+))?(?:\\+k3s(\\d+))?");
    private static final Comparator<K3sRelease> ORDER = Comparator.comparingInt(K3sRelease::major)
            .thenComparingInt(K3sRelease::minor).thenComparingInt(K3sRelease::patch)
            .thenComparingInt(r -> r.rc == 0 ? Integer.MAX_VALUE : r.rc).thenComparingInt(K3sRelease::build);

    public static Optional<K3sRelease> parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new K3sRelease(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), m.group(5) == null ? 1 : Integer.parseInt(m.group(5)),
                m.group(4) == null ? 0 : Integer.parseInt(m.group(4))));
    }

    /** The release {@code k3s --version} names (its build a number, {@code k3s1}; a commit build counts as 1). */
    public static Optional<K3sRelease> of(K3sVersion version) {
        String build = version.build().filter(b -> b.matches("k3s\\d+")).map(b -> "+" + b).orElse("");
        String rc = version.preRelease().filter(p -> p.matches("rc\\d+")).map(p -> "-" + p).orElse("");
        return version.version().flatMap(v -> parse(v + rc + build));
    }

    /** The Kubernetes line, {@code 1.25}. */
    public String line() {
        return major + "." + minor;
    }

    /** The Kubernetes version k3s embeds (kube-proxy's), {@code 1.25.4}. */
    public String kubernetes() {
        return major + "." + minor + "." + patch;
    }

    @Override
    public int compareTo(K3sRelease other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return "v" + kubernetes() + (rc == 0 ? "" : "-rc" + rc) + "+k3s" + build;
    }
}
