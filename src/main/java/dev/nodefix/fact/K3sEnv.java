package dev.nodefix.fact;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The k3s units' env files (the {@code EnvironmentFile=}s the units name, and the installer's
 * {@code k3s.service.env}, {@code k3s-agent.service.env}); the collector masks secrets. k3s has no environment
 * variable for {@code --flannel-backend}: the variables reach it through {@code K3S_CONFIG_FILE} and a unit's
 * {@code $VAR} on its command line ({@link K3sEffectiveConfig}).
 *
 * @param present  an env file was read
 * @param complete every env file on the node was read: false when the collector named one {@code # unreadable:}
 *                 (the installer writes them 0600) or the section failed or is missing
 */
public record K3sEnv(boolean present, Map<String, String> vars, boolean complete) {
    public static final Fact<K3sEnv> FACT = Fact.of("k3s-env", K3sEnv::parse);

    public K3sEnv {
        vars = Map.copyOf(vars);
    }

    static K3sEnv parse(Section section) {
        List<String> lines = section.status() == Section.Status.RAN ? section.lines().stream()
                .filter(l -> !l.startsWith(Section.UNREADABLE)).toList() : List.of();
        Map<String, String> vars = new TreeMap<>(ShellAssignments.parse(lines));
        boolean present = lines.stream().anyMatch(l -> l.startsWith("# file: "));
        return new K3sEnv(present, vars, section.readWhole());
    }
}
