package dev.nodefix.fact;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code k3s --version}: {@code k3s version v1.28.12-rc1+k3s1 (21794b9d)} gives 1.28.12, rc1, k3s1, 21794b9d. */
public record K3sVersion(Optional<String> version, Optional<String> preRelease, Optional<String> build,
        Optional<String> commit) {
    private static final Pattern LINE = Pattern.compile(
            "k3s version v(\\d+\\.\\d+\\.\\d+)(?:-([0-9A-Za-z.]+))?(?:\\+([0-9A-Za-z.]+))?(?:\\s+\\(([0-9a-f]+)\\))?.*");

    public static final Fact<K3sVersion> FACT = Fact.of("k3s-version", K3sVersion::parse);

    static K3sVersion parse(Section section) {
        for (String line : section.succeeded() ? section.lines() : java.util.List.<String>of()) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                return new K3sVersion(Optional.of(m.group(1)), Optional.ofNullable(m.group(2)),
                        Optional.ofNullable(m.group(3)), Optional.ofNullable(m.group(4)));
            }
        }
        return new K3sVersion(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
