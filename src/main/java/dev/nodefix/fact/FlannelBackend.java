package dev.nodefix.fact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The flannel backend and each place it is set. net-conf.json's {@code Backend.Type} is what flannel runs
 * ({@code wireguard-native} is written as {@code wireguard}); the unit's command line and the config files, merged
 * as k3s merges them ({@link K3sEffectiveConfig}), are what k3s was told; the k3s journal's last flannel start (that flannel did not exit from) is what flannel ran, which
 * outweighs what k3s was told. {@code consistent} is false when the places name different backends.
 *
 * @param effective net-conf.json's type, else the journal's running backend, else (on a server) the configured value
 *                  in force, else k3s's default {@code vxlan} when its unit shows a k3s server, net-conf.json is not
 *                  there and every place was read and is silent; empty when the text cannot tell (net-conf.json not
 *                  collected or garbled and the configured value cannot be told; an agent, whose backend the servers
 *                  decide; a unit whose role does not show)
 * @param sources   place ("net-conf.json", "k3s journal", or the {@code FILE:LINE} that sets {@code flannel-backend},
 *                  every one k3s reads, the one in force last) to value
 * @param source    the line the effective value was read from, or what was silent or missing
 */
public record FlannelBackend(Optional<String> effective, Map<String, String> sources, boolean consistent,
        Provenance source) {
    /** The places that show what flannel runs, not what k3s was told. */
    private static final List<String> RUNNING = List.of("net-conf.json", "k3s journal");

    public FlannelBackend {
        sources = Map.copyOf(sources);
    }

    /** The backend as the collector's output shows it, with where it was read. */
    public static FlannelBackend from(CollectorOutput out) {
        return from(out, K3sJournal.FACT.from(out).runningBackend());
    }

    /** @param running the backend flannel started with and still runs, by the k3s journal */
    public static FlannelBackend from(CollectorOutput out, Optional<String> running) {
        return of(NetConf.FACT.from(out), K3sEffectiveConfig.from(out), K3sUnits.FACT.from(out), running,
                new BackendSource(out));
    }

    static FlannelBackend of(NetConf netConf, K3sEffectiveConfig config, K3sUnits units, Optional<String> running,
            BackendSource where) {
        Map<String, String> sources = new LinkedHashMap<>();
        netConf.backendType().ifPresent(v -> sources.put("net-conf.json", v));
        running.ifPresent(v -> sources.put("k3s journal", v));
        K3sEffectiveConfig.Setting told = config.setting(K3sEffectiveConfig.BACKEND);
        // every place k3s was told a backend, in k3s's order (the one in force last)
        told.others().forEach(f -> sources.put(f.place().at(), f.value()));
        told.from().ifPresent(p -> sources.put(p.at(), told.value().orElse("")));
        boolean consistent = new TreeSet<>(sources.values().stream().map(FlannelBackend::asWritten).toList()).size() <= 1;
        Optional<String> place = RUNNING.stream().filter(sources::containsKey).findFirst();
        if (place.isPresent()) {
            return new FlannelBackend(Optional.of(sources.get(place.get())), sources, consistent,
                    where.read(place.get()));
        }
        // an agent takes the backend from the servers: what it was told itself is not what it runs
        if (units.role() != K3sUnits.Role.AGENT && told.state() == K3sEffectiveConfig.State.SET) {
            return new FlannelBackend(told.value(), sources, consistent, where.configured(told));
        }
        boolean defaulted = units.role() == K3sUnits.Role.SERVER && told.state() == K3sEffectiveConfig.State.DEFAULT
                && where.netConfAbsent();
        return new FlannelBackend(defaulted ? Optional.of("vxlan") : Optional.empty(), sources, consistent,
                defaulted ? where.defaulted() : where.open(units, told));
    }

    /** Whether the backend is VXLAN: yes, no (another backend, read from a file), or cannot tell. */
    public Observed vxlan() {
        return effective.map(b -> b.equals("vxlan") ? Observed.YES : Observed.NO).orElse(Observed.CANNOT_TELL);
    }

    /** The value is what flannel runs (net-conf.json, or the journal's last start), not only what k3s was told. */
    public boolean running() {
        return effective.isPresent() && RUNNING.stream().anyMatch(sources::containsKey);
    }

    /** The value is k3s's default: no place sets it. */
    public boolean defaulted() {
        return effective.isPresent() && sources.isEmpty();
    }

    /** The name net-conf.json uses for a k3s flag value. */
    private static String asWritten(String flagValue) {
        return "wireguard-native".equals(flagValue) ? "wireguard" : flagValue;
    }
}
