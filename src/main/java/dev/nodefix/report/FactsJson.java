package dev.nodefix.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.PlainData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code facts --json}: {@code {"hosts": {"<host>": {"status": "ok", "facts": {...}}}}}, hosts sorted, every
 * fact as {@link PlainData} (absent values are null). No timings, so a live run and {@code --from} compare equal.
 */
public final class FactsJson {
    public String render(List<HostFacts> results) {
        Map<String, Object> hosts = new LinkedHashMap<>();
        results.stream().sorted(java.util.Comparator.comparing(HostFacts::host))
                .forEach(r -> hosts.put(r.host(), host(r)));
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES)
                    .asString(Map.of("hosts", hosts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> host(HostFacts result) {
        Map<String, Object> h = new LinkedHashMap<>();
        if (result instanceof HostFacts.Collected c) {
            h.put("status", "ok");
            h.put("facts", PlainData.of(c.facts()));
        } else if (result instanceof HostFacts.NotCollected n) {
            h.put("status", n.status());
            h.put("message", n.message());
        }
        return h;
    }
}
