package dev.nodefix.executor;

import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Role;
import dev.nodefix.playbook.Order;
import dev.nodefix.playbook.Serial;
import java.util.ArrayList;
import java.util.List;

/**
 * The batches a play goes through its hosts in. {@code servers_first} (the default): every k3s server alone,
 * one after the other, then the other hosts in {@code serial} batches; {@code agents_first}: the other hosts
 * in batches, then the servers one at a time; {@code inventory}: all hosts in inventory order, in batches.
 */
public final class PlayBatches {
    private PlayBatches() {}

    public static List<List<Host>> of(List<Host> hosts, Order order, Serial serial) {
        List<Host> servers = hosts.stream().filter(h -> h.role() == Role.SERVER).toList();
        List<Host> rest = hosts.stream().filter(h -> h.role() != Role.SERVER).toList();
        List<List<Host>> out = new ArrayList<>();
        switch (order) {
            case INVENTORY -> out.addAll(split(hosts, serial));
            case SERVERS_FIRST -> {
                servers.forEach(s -> out.add(List.of(s)));
                out.addAll(split(rest, serial));
            }
            case AGENTS_FIRST -> {
                out.addAll(split(rest, serial));
                servers.forEach(s -> out.add(List.of(s)));
            }
        }
        return out;
    }

    /** Consecutive batches of the sizes {@code serial} gives for this many hosts. */
    static List<List<Host>> split(List<Host> hosts, Serial serial) {
        List<List<Host>> out = new ArrayList<>();
        int from = 0;
        for (int size : serial.batches(hosts.size())) {
            out.add(List.copyOf(hosts.subList(from, from + size)));
            from += size;
        }
        return out;
    }
}
