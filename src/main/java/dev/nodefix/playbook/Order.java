package dev.nodefix.playbook;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The order a play goes through its hosts: k3s servers before agents by default. */
public enum Order {
    SERVERS_FIRST, INVENTORY, AGENTS_FIRST;

    /** As written in a playbook: {@code servers_first}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Order> of(String text) {
        return Arrays.stream(values()).filter(o -> o.yamlName().equals(text)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Order::yamlName).toList();
    }
}
