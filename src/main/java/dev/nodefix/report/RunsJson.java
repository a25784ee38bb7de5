package dev.nodefix.report;

import dev.nodefix.journal.FoundRuns;
import dev.nodefix.journal.History;
import dev.nodefix.journal.JournalText;
import dev.nodefix.journal.Recorded;
import dev.nodefix.journal.RollbackStatus;
import dev.nodefix.journal.RunKind;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.StoredRuns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code runs --json}, {@code runs show RUN --json} and {@code runs --from-nodes --json}: the shapes docs/json.md
 * describes. Keys are snake_case and always present (null when not known); {@code schema_version} changes only when
 * a key is removed or changes meaning (new keys may appear without it).
 */
public final class RunsJson {
    /** Every run of this machine's run store. */
    public String list(String store, StoredRuns stored, Function<RunMeta, RollbackStatus> status) {
        Map<String, Object> root = root("controller");
        root.put("store", store);
        List<Object> runs = new ArrayList<>();
        stored.runs().forEach(m -> runs.add(run(m, status)));
        root.put("runs", runs);
        List<Object> unreadable = new ArrayList<>();
        stored.unreadable().forEach(u -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", u.id());
            one.put("reason", u.reason());
            unreadable.add(one);
        });
        root.put("unreadable", unreadable);
        return write(root);
    }

    /** One run of the store with its changes, host by host. */
    public String show(RunMeta meta, JournalText journal, RollbackStatus status) {
        Map<String, Object> root = root("controller");
        root.put("run", run(meta, m -> status));
        Map<String, Object> changes = new LinkedHashMap<>();
        History.byHost(journal.entries().stream().filter(e -> e.host().isPresent()).toList()).forEach((host, recs) -> {
            List<Object> list = new ArrayList<>();
            recs.forEach(r -> list.add(change(r)));
            changes.put(host, list);
        });
        root.put("changes", changes);
        List<String> warnings = new ArrayList<>();
        journal.torn().ifPresent(t -> warnings.add(t.message()));
        journal.garbled().forEach(g -> warnings.add(g.garbledMessage()));
        root.put("warnings", warnings);
        return write(root);
    }

    /** The runs found in the nodes' own journals. */
    public String fromNodes(FoundRuns found) {
        Map<String, Object> root = root("nodes");
        root.put("hosts_read", found.read());
        root.put("cannot_tell", found.cannotTell());
        List<Object> runs = new ArrayList<>();
        for (FoundRuns.FoundRun r : found.runs()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", r.id());
            one.put("kind", r.kind().label());
            one.put("rollback_of", r.rollbackOf().orElse(null));
            one.put("started", r.started().toString());
            one.put("what", r.what());
            Map<String, Object> hosts = new LinkedHashMap<>();
            r.hosts().forEach((h, s) -> hosts.put(h, s.key()));
            one.put("hosts", hosts);
            one.put("hosts_with_run", r.hosts().size());
            one.put("hosts_read", found.read().size());
            one.put("open", r.open());
            one.put("in_store", r.inStore());
            one.put("problems", r.problems());
            runs.add(one);
        }
        root.put("runs", runs);
        return write(root);
    }

    private static Map<String, Object> root(String source) {
        Map<String, Object> root = JsonDocument.root();
        root.put("source", source);
        return root;
    }

    private static Map<String, Object> run(RunMeta m, Function<RunMeta, RollbackStatus> status) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("id", m.id());
        one.put("kind", m.kind().label());
        one.put("rollback_of", m.rollbackOf().orElse(null));
        one.put("started", m.started().toString());
        one.put("finished", m.finished().map(f -> f.at().toString()).orElse(null));
        one.put("what", m.what());
        one.put("hosts", m.hosts());
        one.put("changed", m.finished().map(RunMeta.Outcome::changed).orElse(null));
        one.put("failed", m.finished().map(RunMeta.Outcome::failed).orElse(null));
        one.put("unreachable", m.finished().map(RunMeta.Outcome::unreachable).orElse(null));
        Map<String, Object> ends = new LinkedHashMap<>();
        m.finished().ifPresent(f -> f.ends().forEach((h, e) -> ends.put(h, e.label())));
        one.put("host_ends", ends);
        one.put("inventory", m.inventory().map(i -> {
            Map<String, Object> inv = new LinkedHashMap<>();
            inv.put("sources", i.sources());
            inv.put("limit", i.limit().orElse(null));
            return (Object) inv;
        }).orElse(null));
        if (m.kind() == RunKind.APPLY) {
            RollbackStatus s = status.apply(m);
            Map<String, Object> rb = new LinkedHashMap<>();
            rb.put("summary", s.summary());
            rb.put("complete", s.complete());
            rb.put("hosts", s.hosts());
            rb.put("done", s.done());
            rb.put("stranded", new java.util.TreeMap<>(s.stranded()));
            rb.put("remaining", s.remaining());
            one.put("rolled_back", rb);
        } else {
            one.put("rolled_back", null);
        }
        return one;
    }

    private static Map<String, Object> change(Recorded r) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("seq", r.seq());
        one.put("task", r.task());
        one.put("task_name", r.taskName());
        one.put("status", r.status().label());
        one.put("change", ChangeJson.of(r.change()));
        one.put("undoes", r.undoes().orElse(null));
        return one;
    }

    private static String write(Map<String, Object> root) {
        return JsonDocument.write(root);
    }
}
