package dev.nodefix.query;

import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.fact.Section;
import java.util.Objects;
import java.util.Optional;

/** A network device's offload features as {@code ethtool -k} shows them; {@code present=false} when it does not exist. */
public record OffloadState(String iface, EthtoolFeatures features) {
    public OffloadState {
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(features, "features");
    }

    static OffloadState parse(String iface, String output, int exitCode) {
        return new OffloadState(iface, EthtoolFeatures.FACT.parse(Section.ran("ethtool", exitCode, output.lines().toList())));
    }

    public boolean present() {
        return features.available();
    }

    public Optional<EthtoolFeatures.Feature> feature(String name) {
        return features.feature(name);
    }
}
