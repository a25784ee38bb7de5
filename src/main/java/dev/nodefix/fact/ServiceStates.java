package dev.nodefix.fact;

import java.util.Map;
import java.util.TreeMap;

/** {@code systemctl is-active} of the k3s units, as the collector prints it: {@code k3s-agent: active}. */
public record ServiceStates(Map<String, String> states) {
    public static final Fact<ServiceStates> FACT = Fact.of("services", ServiceStates::parse);

    public ServiceStates {
        states = Map.copyOf(states);
    }

    static ServiceStates parse(Section section) {
        Map<String, String> states = new TreeMap<>();
        for (String line : section.status() == Section.Status.RAN ? section.lines() : java.util.List.<String>of()) {
            int colon = line.indexOf(": ");
            if (colon > 0 && line.substring(0, colon).matches("k3s[A-Za-z0-9-]*")) {
                states.put(line.substring(0, colon), line.substring(colon + 2).strip());
            }
        }
        return new ServiceStates(states);
    }

    public boolean active(String unit) {
        return "active".equals(states.get(unit));
    }
}
