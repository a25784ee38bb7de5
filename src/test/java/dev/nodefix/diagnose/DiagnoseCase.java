package dev.nodefix.diagnose;

import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.NodeFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One {@code diagnose/<case>.yaml}: {@code hosts:} name to {@code captured:} (a file of {@code facts/_captured}, or
 * {@code older-collector/NAME} for one of {@code facts/_captured-older-collector})
 * with optional {@code sections:} (section name to replacement text, or to {@code {rc: N, raw: TEXT}}, or to {@code {status: absent}}), or to
 * {@code unreachable: MESSAGE}; {@code keepOffload:}; and {@code expected:} cluster {@code verdict},
 * {@code remediation} action and per host {@code verdict}, the exact {@code codes} of its findings and, when
 * given, the exact {@code settle} commands its findings name and the value of some {@code legs} ({@code vxlan: no},
 * {@code offload: cannot tell}).
 */
public record DiagnoseCase(String name, List<HostFacts> hosts, boolean keepOffload, Map<?, ?> expected) {
    private static final Pattern SECTION = Pattern.compile("@@nodefix:section ([a-z0-9-]+)@@\n.*?@@nodefix:end \\1 [^@]*@@\n",
            Pattern.DOTALL);

    @Override
    public String toString() {
        return name;
    }

    public static DiagnoseCase load(Path file) {
        Map<?, ?> doc = yaml(file);
        List<HostFacts> hosts = new ArrayList<>();
        ((Map<?, ?>) doc.get("hosts")).forEach((host, spec) -> hosts.add(host(String.valueOf(host), (Map<?, ?>) spec)));
        return new DiagnoseCase(file.getFileName().toString().replaceFirst("\\.yaml$", ""), hosts,
                Boolean.TRUE.equals(doc.get("keepOffload")), (Map<?, ?>) doc.get("expected"));
    }

    private static HostFacts host(String name, Map<?, ?> spec) {
        if (spec.get("unreachable") != null) {
            return new HostFacts.NotCollected(name, "unreachable", String.valueOf(spec.get("unreachable")));
        }
        return new HostFacts.Collected(name, NodeFacts.parse(raw(spec)));
    }

    /** Each reachable host's collector text: its capture with the case's sections put in. */
    static Map<String, String> raws(Path file) {
        Map<String, String> raws = new java.util.TreeMap<>();
        ((Map<?, ?>) yaml(file).get("hosts")).forEach((host, spec) -> {
            if (((Map<?, ?>) spec).get("unreachable") == null) {
                raws.put(String.valueOf(host), raw((Map<?, ?>) spec));
            }
        });
        return raws;
    }

    private static final String OLDER = "older-collector/";

    /** The older collector's per-chain listings, which one {@code iptables-nat} listing replaced. */
    private static final List<String> PER_CHAIN = List.of("kube-postrouting", "kube-mark-masq", "flannel-postrtg",
            "postrouting");

    private static String raw(Map<?, ?> spec) {
        String raw = captured(String.valueOf(spec.get("captured")));
        if (spec.get("sections") instanceof Map<?, ?> sections) {
            if (sections.containsKey("iptables-nat")) {
                // a capture holds one form or the other: a case giving the nat listing gives the node's whole nat view
                for (String chain : PER_CHAIN) {
                    raw = sections.containsKey(chain) ? raw : withoutSection(raw, chain);
                }
            }
            for (Map.Entry<?, ?> e : sections.entrySet()) {
                raw = withSection(raw, String.valueOf(e.getKey()), e.getValue());
            }
        }
        return raw;
    }

    /** {@code raw} with section {@code name} replaced (or appended) by {@code value}. */
    static String withSection(String raw, String name, Object value) {
        int rc = value instanceof Map<?, ?> m && m.get("rc") instanceof Number n ? n.intValue() : 0;
        Object text = value instanceof Map<?, ?> m ? m.get("raw") : value;
        String body = text == null ? "" : String.valueOf(text);
        boolean absent = value instanceof Map<?, ?> m && "absent".equals(m.get("status"));
        String section = "@@nodefix:section " + name + "@@\n" + body + (body.endsWith("\n") || body.isEmpty() ? "" : "\n")
                + "\n@@nodefix:end " + name + (absent ? " absent" : " rc=" + rc) + "@@\n";
        StringBuilder out = new StringBuilder();
        Matcher m = SECTION.matcher(raw);
        boolean replaced = false;
        while (m.find()) {
            boolean hit = m.group(1).equals(name);
            m.appendReplacement(out, Matcher.quoteReplacement(hit ? section : m.group()));
            replaced |= hit;
        }
        m.appendTail(out);
        return replaced ? out.toString() : out + section;
    }

    /** {@code raw} without section {@code name}. */
    static String withoutSection(String raw, String name) {
        StringBuilder out = new StringBuilder();
        Matcher m = SECTION.matcher(raw);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).equals(name) ? "" : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A capture of {@code facts/_captured} (today's collector), or with {@code older-collector/} the same lab node as
     * an older collector printed it ({@code facts/_captured-older-collector}: per-chain iptables listings, a
     * {@code vxlan-device} and a {@code peer-routes} section, unit {@code ExecStart} lines only), for cases whose
     * sections are in that older form.
     */
    static String captured(String file) {
        String resource = file.startsWith(OLDER) ? "/facts/_captured-older-collector/" + file.substring(OLDER.length())
                : "/facts/_captured/" + file;
        try (InputStream in = DiagnoseCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no captured output " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<?, ?> yaml(Path file) {
        try {
            return (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
