package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The k3s units' {@code systemctl is-active} states. The collector prints {@code # systemctl is-active k3s
 * k3s-agent} and then what that one call printed: a state per unit, in order, or (no systemd running) an error,
 * which then stands for every unit's state. Older collectors printed one call per unit: {@code k3s-agent: active}.
 */
public record ServiceStates(Map<String, String> states) {
    private static final String ASKED = "# systemctl is-active ";

    public static final Fact<ServiceStates> FACT = Fact.of("services", ServiceStates::parse);

    public ServiceStates {
        states = Map.copyOf(states);
    }

    static ServiceStates parse(Section section) {
        List<String> lines = section.status() == Section.Status.RAN ? section.lines() : List.of();
        Map<String, String> states = new TreeMap<>();
        List<String> units = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(": ");
            if (line.startsWith(ASKED)) {
                units.addAll(List.of(line.substring(ASKED.length()).strip().split("\\s+")));
            } else if (!units.isEmpty()) {
                answers.add(line.strip());
            } else if (colon > 0 && line.substring(0, colon).matches("k3s[A-Za-z0-9-]*")) {
                states.put(line.substring(0, colon), line.substring(colon + 2).strip());
            }
        }
        answers.removeIf(String::isEmpty);
        boolean oneEach = answers.size() == units.size() && answers.stream().allMatch(a -> a.matches("[a-z-]+"));
        for (int i = 0; i < units.size() && !answers.isEmpty(); i++) {
            states.put(units.get(i), oneEach ? answers.get(i) : answers.get(0));
        }
        return new ServiceStates(states);
    }

    public boolean active(String unit) {
        return "active".equals(states.get(unit));
    }
}
