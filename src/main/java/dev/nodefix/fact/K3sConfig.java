package dev.nodefix.fact;

import java.util.Map;
import java.util.Optional;
import dev.nodefix.inventory.YamlLimits;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;

/** {@code /etc/rancher/k3s/config.yaml}: the flannel keys and {@code node-name} (flag names without {@code --}). */
public record K3sConfig(boolean present, Optional<String> flannelBackend, Optional<String> flannelIface,
                        Optional<String> nodeName) {
    public static final Fact<K3sConfig> FACT = Fact.of("k3s-config", K3sConfig::parse);

    static K3sConfig parse(Section section) {
        if (!section.succeeded()) {
            return new K3sConfig(false, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Map<?, ?> map = keys(section.text());
        return new K3sConfig(true, string(map.get("flannel-backend")), string(map.get("flannel-iface")),
                string(map.get("node-name")));
    }

    /** A k3s config file's top-level keys; empty when it is not a YAML mapping (present, nothing readable). */
    static Map<?, ?> keys(String yaml) {
        try {
            LoadSettings settings = YamlLimits.settings("k3s config").build();
            Object doc = new StandardConstructor(settings).constructSingleDocument(YamlLimits.compose(yaml, settings));
            return doc instanceof Map<?, ?> m ? m : Map.of();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    static Optional<String> string(Object value) {
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }
}
