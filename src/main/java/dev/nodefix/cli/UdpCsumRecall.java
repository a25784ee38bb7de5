package dev.nodefix.cli;

import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.UdpCsumRise;
import dev.nodefix.journal.JournalException;
import dev.nodefix.journal.UdpCsumReadings;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A live {@code diagnose} compares each host's Udp {@code InCsumErrors} with the reading the last one remembered
 * (the counter counts since boot; its rise tells what happens now), then remembers this one. Hosts not read keep
 * their old reading. Failing to remember is a warning: the diagnosis stands without it.
 */
final class UdpCsumRecall {
    private final UdpCsumReadings store;
    private final PrintWriter err;

    UdpCsumRecall(UdpCsumReadings store, PrintWriter err) {
        this.store = store;
        this.err = err;
    }

    /** The hosts with their rise since the last reading, and this reading remembered for the next diagnose. */
    List<HostFacts> recall(List<HostFacts> hosts, Instant now) {
        Map<String, UdpCsumReadings.Reading> remembered = new TreeMap<>(store.load());
        List<HostFacts> out = new ArrayList<>();
        for (HostFacts h : hosts) {
            if (h instanceof HostFacts.Collected c && c.facts().udp().inCsumErrors().isPresent()) {
                long value = c.facts().udp().inCsumErrors().get();
                Optional<String> boot = c.facts().udp().boot();
                UdpCsumReadings.Reading before = remembered.put(c.host(), new UdpCsumReadings.Reading(value, now, boot));
                out.add(before == null ? c : new HostFacts.Collected(c.host(), withRise(c.facts(), before, value,
                        boot, now)));
            } else {
                out.add(h);
            }
        }
        try {
            store.save(remembered);
        } catch (JournalException e) {
            err.println("nodefix: warning: " + e.getMessage());
        }
        return out;
    }

    private static NodeFacts withRise(NodeFacts facts, UdpCsumReadings.Reading before, long value,
            Optional<String> boot, Instant now) {
        return facts.withUdpRise(UdpCsumRise.since(before.inCsumErrors(), before.boot(), before.at(), value, boot, now));
    }
}
