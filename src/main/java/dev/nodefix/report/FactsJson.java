package dev.nodefix.report;

import dev.nodefix.fact.FactKeys;
import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.PlainData;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code facts --json} (docs/json.md, docs/schema/facts.schema.json): {@code {"schema_version": 1, "hosts":
 * {"<host>": {"status": "ok"|"unreachable"|"failed", "facts": {...}|null, "message": null|"..."}}}}, hosts sorted,
 * every fact as {@link PlainData} with snake_case keys (absent values are null). No timings, so a live run and
 * {@code --from} compare equal.
 */
public final class FactsJson {
    public String render(List<HostFacts> results) {
        Map<String, Object> hosts = new LinkedHashMap<>();
        results.stream().sorted(Comparator.comparing(HostFacts::host)).forEach(r -> hosts.put(r.host(), host(r)));
        Map<String, Object> root = JsonDocument.root();
        root.put("hosts", hosts);
        return JsonDocument.write(root);
    }

    private static Map<String, Object> host(HostFacts result) {
        Map<String, Object> h = new LinkedHashMap<>();
        if (result instanceof HostFacts.Collected c) {
            h.put("status", "ok");
            h.put("facts", PlainData.of(c.facts(), FactKeys::snake));
            h.put("message", null);
        } else if (result instanceof HostFacts.NotCollected n) {
            h.put("status", n.status());
            h.put("facts", null);
            h.put("message", n.message());
        }
        return h;
    }
}
