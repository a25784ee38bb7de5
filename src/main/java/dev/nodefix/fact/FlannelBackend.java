package dev.nodefix.fact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The flannel backend and each place it is set. net-conf.json's {@code Backend.Type} is what flannel runs
 * ({@code wireguard-native} is written as {@code wireguard}); config.yaml, unit {@code ExecStart} and env file are
 * what k3s was told; the k3s journal's last flannel start (that flannel did not exit from) is what flannel ran, which
 * outweighs what k3s was told. {@code consistent} is false when the places name different backends.
 *
 * @param effective net-conf.json's type, else the journal's running backend, else the one configured value, else
 *                  k3s's default {@code vxlan} when k3s is installed and nothing says otherwise
 * @param sources   place ("net-conf.json", "k3s journal", "config.yaml", "ExecStart", "env") to value, only where
 *                  set
 */
public record FlannelBackend(Optional<String> effective, Map<String, String> sources, boolean consistent) {
    public FlannelBackend {
        sources = Map.copyOf(sources);
    }

    public static FlannelBackend of(NetConf netConf, K3sConfig config, K3sUnits units, K3sEnv env) {
        return of(netConf, config, units, env, Optional.empty());
    }

    /** @param running the backend flannel started with and still runs, by the k3s journal */
    public static FlannelBackend of(NetConf netConf, K3sConfig config, K3sUnits units, K3sEnv env,
            Optional<String> running) {
        Map<String, String> sources = new LinkedHashMap<>();
        netConf.backendType().ifPresent(v -> sources.put("net-conf.json", v));
        running.ifPresent(v -> sources.put("k3s journal", v));
        config.flannelBackend().ifPresent(v -> sources.put("config.yaml", v));
        units.units().stream().flatMap(u -> u.flannelBackend().stream()).findFirst()
                .ifPresent(v -> sources.put("ExecStart", v));
        env.flannelBackend().ifPresent(v -> sources.put("env", v));
        boolean consistent = new TreeSet<>(sources.values().stream().map(FlannelBackend::asWritten).toList()).size() <= 1;
        Optional<String> effective = netConf.backendType()
                .or(() -> sources.values().stream().findFirst())
                .or(() -> units.units().isEmpty() ? Optional.empty() : Optional.of("vxlan"));
        return new FlannelBackend(effective, sources, consistent);
    }

    /** The name net-conf.json uses for a k3s flag value. */
    private static String asWritten(String flagValue) {
        return "wireguard-native".equals(flagValue) ? "wireguard" : flagValue;
    }
}
