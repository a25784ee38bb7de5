package dev.nodefix.fact;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node's name in Kubernetes as k3s sets it, and where it came from. k3s takes {@code --node-name} from its
 * command line, where the config files' values are inserted before the unit's own flags: the unit's
 * {@code ExecStart} wins, then the last {@code config.yaml.d/*.yaml} that sets {@code node-name}, then
 * {@code config.yaml}, then {@code K3S_NODE_NAME} (the flag's environment variable, from the unit's env file),
 * else the host name. k3s lower-cases whichever it took. Where the k3s unit was read whole, the flag is read as
 * {@link K3sEffectiveConfig} reads the flannel flags, so a config file named by {@code K3S_CONFIG_FILE} or
 * {@code --config} (with its own {@code .d} directory) counts and {@code /etc/rancher/k3s/config.yaml} then does not;
 * when some place could not be read, the order above over what was read is the best guess.
 *
 * @param name   empty when nothing tells it (no k3s settings and no host name read)
 * @param source where it came from, readable after "from": "the hostname", "node-name in FILE", ...
 */
public record NodeName(Optional<String> name, String source) {
    private static final String FLAG_NAME = "node-name";
    private static final Pattern FLAG = Pattern.compile("['\"]?--node-name(?:=|['\"]?\\s+['\"]?)([^'\"\\s]+)");

    public static NodeName of(K3sConfig config, K3sConfigDropIns dropIns, K3sUnits units, K3sEnv env,
                              Hostname hostname) {
        for (K3sUnits.Unit unit : units.units()) {
            Optional<String> flag = flag(unit.execStart());
            if (flag.isPresent()) {
                return named(flag.get(), "--node-name in the ExecStart of " + unit.file());
            }
        }
        Optional<K3sConfigDropIns.DropIn> dropIn = dropIns.nodeName();
        if (dropIn.isPresent()) {
            return named(dropIn.get().nodeName().get(), "node-name in " + dropIn.get().file());
        }
        if (config.nodeName().isPresent()) {
            return named(config.nodeName().get(), "node-name in /etc/rancher/k3s/config.yaml");
        }
        return unset(env, hostname);
    }

    /** Nothing k3s reads sets {@code --node-name}: its environment variable, else the host name. */
    private static NodeName unset(K3sEnv env, Hostname hostname) {
        String var = env.vars().get("K3S_NODE_NAME");
        if (var != null && !var.isBlank()) {
            return named(var, "K3S_NODE_NAME in the k3s unit's env file");
        }
        return hostname.name().map(h -> named(h, "the hostname"))
                .orElse(new NodeName(Optional.empty(), "nothing: no k3s node-name and no hostname read"));
    }

    public static NodeName of(CollectorOutput out) {
        K3sEffectiveConfig.Setting flag = K3sEffectiveConfig.read(out, Map.of(FLAG_NAME, K3sEffectiveConfig.Kind.STRING))
                .setting(FLAG_NAME);
        if (flag.state() == K3sEffectiveConfig.State.SET && flag.value().isPresent() && flag.from().isPresent()) {
            Place from = flag.from().get();
            return named(flag.value().get(), from.section().equals(SystemdUnit.SECTION)
                    ? "--node-name in the ExecStart of " + from.at() : "node-name in " + from.at());
        }
        if (flag.state() == K3sEffectiveConfig.State.DEFAULT) {
            return unset(K3sEnv.FACT.from(out), Hostname.FACT.from(out));
        }
        return of(K3sConfig.FACT.from(out), K3sConfigDropIns.FACT.from(out), K3sUnits.FACT.from(out),
                K3sEnv.FACT.from(out), Hostname.FACT.from(out));
    }

    /** The last {@code --node-name} of a command line (a string flag: the last one wins). */
    static Optional<String> flag(String commandLine) {
        Matcher m = FLAG.matcher(commandLine);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }

    private static NodeName named(String name, String source) {
        return new NodeName(Optional.of(name.strip().toLowerCase(Locale.ROOT)), source);
    }
}
