package dev.nodefix.fact;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The k3s units' env files ({@code k3s.service.env}, {@code k3s-agent.service.env}); the collector masks
 * secrets. A flannel backend here comes from {@code K3S_FLANNEL_BACKEND} or a {@code --flannel-backend} in a value.
 *
 * @param present  an env file was read
 * @param complete every env file on the node was read: false when the collector named one {@code # unreadable:}
 *                 (the installer writes them 0600) or the section failed or is missing
 */
public record K3sEnv(boolean present, Map<String, String> vars, Optional<String> flannelBackend, boolean complete) {
    private static final Pattern BACKEND = Pattern.compile("--flannel-backend(?:=|\\s+)([A-Za-z0-9-]+)");

    public static final Fact<K3sEnv> FACT = Fact.of("k3s-env", K3sEnv::parse);

    public K3sEnv {
        vars = Map.copyOf(vars);
    }

    static K3sEnv parse(Section section) {
        List<String> lines = section.status() == Section.Status.RAN ? section.lines().stream()
                .filter(l -> !l.startsWith(Section.UNREADABLE)).toList() : List.of();
        Map<String, String> vars = new TreeMap<>(ShellAssignments.parse(lines));
        Optional<String> backend = Optional.ofNullable(vars.get("K3S_FLANNEL_BACKEND"));
        for (String value : vars.values()) {
            Matcher m = BACKEND.matcher(value);
            if (backend.isEmpty() && m.find()) {
                backend = Optional.of(m.group(1));
            }
        }
        boolean present = lines.stream().anyMatch(l -> l.startsWith("# file: "));
        return new K3sEnv(present, vars, backend, section.readWhole());
    }
}
