package dev.nodefix.fact;

import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** {@code /etc/rancher/k3s/config.yaml}: the flannel keys (flag names without {@code --}). */
public record K3sConfig(boolean present, Optional<String> flannelBackend, Optional<String> flannelIface) {
    public static final Fact<K3sConfig> FACT = Fact.of("k3s-config", K3sConfig::parse);

    static K3sConfig parse(Section section) {
        if (!section.succeeded()) {
            return new K3sConfig(false, Optional.empty(), Optional.empty());
        }
        try {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(section.text());
            Map<?, ?> map = doc instanceof Map<?, ?> m ? m : Map.of();
            return new K3sConfig(true, string(map.get("flannel-backend")), string(map.get("flannel-iface")));
        } catch (RuntimeException e) { // not YAML: present, nothing readable
            return new K3sConfig(true, Optional.empty(), Optional.empty());
        }
    }

    private static Optional<String> string(Object value) {
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }
}
