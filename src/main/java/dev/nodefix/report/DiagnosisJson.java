package dev.nodefix.report;

import dev.nodefix.diagnose.Diagnosis;
import dev.nodefix.diagnose.Finding;
import dev.nodefix.diagnose.HostDiagnosis;
import dev.nodefix.diagnose.Leg;
import dev.nodefix.diagnose.Legs;
import dev.nodefix.diagnose.Remediation;
import dev.nodefix.fact.Provenance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code diagnose --json} (docs/json.md, docs/schema/diagnose.schema.json): {@code {"schema_version": 1, "verdict": V,
 * "remediation": {...}, "hosts": {"<host>": {"verdict": V, "legs": {"vxlan"|"offload"|"kept_off"|"double_nat":
 * {"value": "yes"|"no"|"cannot tell",
 * "reading", "evidence": [...], "sources": [{"command", "section", "view", "backend", "extent", "lines"}],
 * "settle"}}, "findings": [{"code", "severity", "message", "evidence": [...], "fix", "settle": [...]}]}}}}, hosts
 * sorted; {@code legs} is null for a host with no facts, a leg's {@code settle} null unless it is open.
 */
public final class DiagnosisJson {
    public String render(Diagnosis diagnosis) {
        Map<String, Object> root = JsonDocument.root();
        root.put("verdict", diagnosis.verdict().label());
        root.put("remediation", remediation(diagnosis.remediation()));
        Map<String, Object> hosts = new LinkedHashMap<>();
        diagnosis.hosts().forEach(h -> hosts.put(h.host(), host(h)));
        root.put("hosts", hosts);
        return JsonDocument.write(root);
    }

    private static Map<String, Object> remediation(Remediation r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", r.action());
        m.put("playbook", r.playbook().orElse(null));
        m.put("hosts", r.hosts());
        m.put("reason", r.reason());
        m.put("upgrade", r.upgrade().orElse(null));
        return m;
    }

    private static Map<String, Object> host(HostDiagnosis h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", h.verdict().label());
        m.put("legs", h.legs().map(DiagnosisJson::legs).orElse(null));
        List<Object> findings = h.findings().stream().map(DiagnosisJson::finding).map(Object.class::cast).toList();
        m.put("findings", findings);
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", f.code().name());
        m.put("severity", f.severity().label());
        m.put("message", f.message());
        m.put("evidence", f.evidence());
        m.put("fix", f.fix().orElse(null));
        m.put("settle", f.settle());
        return m;
    }

    private static Map<String, Object> legs(Legs legs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Leg leg : legs.all()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("value", leg.valueLabel());
            l.put("reading", leg.reading());
            l.put("evidence", leg.evidence());
            l.put("sources", leg.sources().stream().map(DiagnosisJson::source).toList());
            l.put("settle", leg.settle().orElse(null));
            m.put(JsonDocument.key(leg.name().label()), l);
        }
        return m;
    }

    private static Map<String, Object> source(Provenance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", p.command());
        m.put("section", p.section());
        m.put("view", p.view().name().toLowerCase(Locale.ROOT));
        m.put("backend", p.backend().orElse(null));
        m.put("extent", p.extent().label());
        m.put("lines", p.lines());
        return m;
    }
}
