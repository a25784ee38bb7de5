package dev.nodefix.fact;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * k3s's generated {@code net-conf.json}: {@code {"Network": "10.42.0.0/16", "Backend": {"Type": "vxlan"}}}, and
 * {@code "EnableNFTables": true} when flannel (v0.25.0 on) masquerades with its own nftables tables instead of
 * iptables.
 *
 * @param enableNFTables flannel's nftables mode: the key's value, false when a readable file leaves it out (flannel's
 *                       default), empty when the file is absent or garbled (cannot tell)
 */
public record NetConf(boolean present, Optional<String> network, Optional<String> backendType,
                      Optional<Boolean> enableNFTables) {
    public static final Fact<NetConf> FACT = Fact.of("net-conf", NetConf::parse);

    static NetConf parse(Section section) {
        if (!section.succeeded()) {
            return new NetConf(false, Optional.empty(), Optional.empty(), Optional.empty());
        }
        try {
            Map<String, Object> root = JSON.std.mapFrom(section.text());
            Optional<String> type = Optional.ofNullable(root.get("Backend")).filter(Map.class::isInstance)
                    .map(b -> ((Map<?, ?>) b).get("Type")).filter(String.class::isInstance).map(String.class::cast);
            return new NetConf(true, Optional.ofNullable(root.get("Network")).map(String::valueOf), type,
                    nftables(root));
        } catch (IOException | RuntimeException e) { // garbled file: present, nothing readable
            return new NetConf(true, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** flannel reads the file with Go's encoding/json, which matches key names ignoring case. */
    private static Optional<Boolean> nftables(Map<String, Object> root) {
        Object value = root.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("EnableNFTables"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (value == null) {
            return Optional.of(false);
        }
        return value instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }
}
