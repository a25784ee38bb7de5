package dev.nodefix.journal;

import dev.nodefix.change.Change;
import dev.nodefix.change.CommandChange;
import dev.nodefix.change.DaemonReload;
import dev.nodefix.change.DirectoryChange;
import dev.nodefix.change.FileChange;
import dev.nodefix.change.K3sRestart;
import dev.nodefix.change.OffloadChange;
import dev.nodefix.change.ServiceChange;
import dev.nodefix.change.UdevTrigger;
import dev.nodefix.change.UnitEnablementChange;
import dev.nodefix.query.FileState;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Changes to and from plain maps (JSON objects in journal lines). File states carry their whole content
 * (base64), so a journal alone is enough to restore a file.
 */
public final class ChangeCodec {
    private ChangeCodec() {}

    public static Map<String, Object> encode(Change change) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", change.kind());
        if (change instanceof FileChange f) {
            m.put("path", f.path());
            m.put("before", encode(f.before()));
            m.put("after", encode(f.after()));
        } else if (change instanceof DirectoryChange d) {
            m.put("path", d.path());
            m.put("create", d.create());
        } else if (change instanceof OffloadChange o) {
            m.put("iface", o.iface());
            m.put("feature", o.feature());
            m.put("before", o.before());
            m.put("after", o.after());
        } else if (change instanceof UnitEnablementChange u) {
            m.put("unit", u.unit());
            m.put("before", u.before());
            m.put("after", u.after());
        } else if (change instanceof ServiceChange s) {
            m.put("unit", s.unit());
            m.put("action", s.action().name().toLowerCase(java.util.Locale.ROOT));
            m.put("timeout_ms", s.timeout().toMillis());
        } else if (change instanceof UdevTrigger t) {
            m.put("iface", t.iface());
        } else if (change instanceof CommandChange c) {
            m.put("script", c.script());
            c.undo().ifPresent(u -> m.put("undo", u));
            c.changedWhen().ifPresent(w -> m.put("changed_when", w));
            c.undoChangedWhen().ifPresent(w -> m.put("undo_changed_when", w));
        } else if (change instanceof K3sRestart k) {
            m.put("unit", k.unit());
            m.put("from", k.fromBackend());
            m.put("to", k.toBackend());
            m.put("timeout_ms", k.timeout().toMillis());
        } else if (!(change instanceof DaemonReload)) {
            throw new IllegalArgumentException("no journal encoding for " + change.kind());
        }
        return m;
    }

    public static Change decode(Map<String, Object> m) {
        String kind = text(m, "kind");
        return switch (kind) {
            case "file" -> new FileChange(text(m, "path"), fileState(m.get("before")), fileState(m.get("after")));
            case "directory" -> new DirectoryChange(text(m, "path"), bool(m, "create"));
            case "offload" -> new OffloadChange(text(m, "iface"), text(m, "feature"), bool(m, "before"), bool(m, "after"));
            case "unit-enablement" -> new UnitEnablementChange(text(m, "unit"), bool(m, "before"), bool(m, "after"));
            case "service" -> new ServiceChange(text(m, "unit"),
                    ServiceChange.Action.valueOf(text(m, "action").toUpperCase(java.util.Locale.ROOT)),
                    Duration.ofMillis(((Number) m.get("timeout_ms")).longValue()));
            case "daemon-reload" -> new DaemonReload();
            case "udev-trigger" -> new UdevTrigger(text(m, "iface"));
            case "k3s-restart" -> new K3sRestart(text(m, "unit"), text(m, "from"), text(m, "to"),
                    Duration.ofMillis(((Number) m.get("timeout_ms")).longValue()));
            case "command" -> new CommandChange(text(m, "script"), Optional.ofNullable((String) m.get("undo")),
                    Optional.ofNullable((String) m.get("changed_when")), Optional.ofNullable((String) m.get("undo_changed_when")));
            default -> throw new JournalException("unknown change kind in journal: " + kind);
        };
    }

    static Map<String, Object> encode(FileState state) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (state instanceof FileState.Present p) {
            m.put("mode", p.mode());
            m.put("owner", p.owner());
            m.put("group", p.group());
            m.put("sha256", p.sha256());
            m.put("content", Base64.getEncoder().encodeToString(p.content()));
        } else {
            m.put("absent", true);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static FileState fileState(Object raw) {
        if (!(raw instanceof Map<?, ?>)) {
            throw new JournalException("file state missing in journal entry");
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        if (Boolean.TRUE.equals(m.get("absent"))) {
            return FileState.absent();
        }
        FileState.Present p = new FileState.Present(Base64.getDecoder().decode(text(m, "content")), text(m, "mode"),
                text(m, "owner"), text(m, "group"));
        if (m.containsKey("sha256") && !p.sha256().equals(m.get("sha256"))) {
            throw new JournalException("file content in journal does not match its sha256 (" + m.get("sha256") + ")");
        }
        return p;
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new JournalException("journal entry lacks '" + key + "': " + m.keySet());
        }
        return s;
    }

    private static boolean bool(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Boolean b)) {
            throw new JournalException("journal entry lacks '" + key + "'");
        }
        return b;
    }
}
