package dev.nodefix.fact;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** k3s's generated {@code net-conf.json}: {@code {"Network": "10.42.0.0/16", "Backend": {"Type": "vxlan"}}}. */
public record NetConf(boolean present, Optional<String> network, Optional<String> backendType) {
    public static final Fact<NetConf> FACT = Fact.of("net-conf", NetConf::parse);

    static NetConf parse(Section section) {
        if (!section.succeeded()) {
            return new NetConf(false, Optional.empty(), Optional.empty());
        }
        try {
            Map<String, Object> root = JSON.std.mapFrom(section.text());
            Optional<String> type = Optional.ofNullable(root.get("Backend")).filter(Map.class::isInstance)
                    .map(b -> ((Map<?, ?>) b).get("Type")).filter(String.class::isInstance).map(String.class::cast);
            return new NetConf(true, Optional.ofNullable(root.get("Network")).map(String::valueOf), type);
        } catch (IOException | RuntimeException e) { // garbled file: present, nothing readable
            return new NetConf(true, Optional.empty(), Optional.empty());
        }
    }
}
