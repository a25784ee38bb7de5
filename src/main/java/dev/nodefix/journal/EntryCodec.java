package dev.nodefix.journal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Journal lines: one JSON object per entry, newline-terminated. */
public final class EntryCodec {
    private static final JSON STRICT = JSON.std.with(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS);

    private EntryCodec() {}

    /** The line without its newline. {@code host} is written for the controller's journal, empty for a node's. */
    public static String line(Optional<String> host, Entry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        host.ifPresent(h -> m.put("host", h));
        if (entry instanceof Entry.Started s) {
            m.put("phase", "started");
            m.put("run", s.run());
            m.put("kind", s.kind().label());
            s.rollbackOf().ifPresent(r -> m.put("rollback_of", r));
            m.put("at", s.at().toString());
        } else if (entry instanceof Entry.Intent i) {
            m.put("phase", "intent");
            m.put("seq", i.seq());
            m.put("task", i.task());
            m.put("task_name", i.taskName());
            i.undoes().ifPresent(u -> m.put("undoes", u));
            m.put("change", ChangeCodec.encode(i.change()));
        } else if (entry instanceof Entry.Done d) {
            m.put("phase", "done");
            m.put("seq", d.seq());
        } else if (entry instanceof Entry.Unchanged u) {
            m.put("phase", "unchanged");
            m.put("seq", u.seq());
        } else if (entry instanceof Entry.Failed f) {
            m.put("phase", "failed");
            m.put("seq", f.seq());
            m.put("error", f.error());
        }
        try {
            return JSON.std.asString(m);
        } catch (IOException e) {
            throw new JournalException("cannot encode journal entry", e);
        }
    }

    /** Parses one line; {@link JournalException} when it is not a journal entry. */
    public static HostEntry parse(String line) {
        try {
            return decode(line);
        } catch (JournalException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JournalException("not a journal entry: " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static HostEntry decode(String line) {
        Map<String, Object> m = object(line);
        Optional<String> host = Optional.ofNullable((String) m.get("host"));
        String phase = String.valueOf(m.get("phase"));
        Entry entry = switch (phase) {
            case "started" -> new Entry.Started((String) m.get("run"), RunKind.of(String.valueOf(m.get("kind"))),
                    Optional.ofNullable((String) m.get("rollback_of")), Instant.parse(String.valueOf(m.get("at"))));
            case "intent" -> new Entry.Intent(num(m, "seq"), num(m, "task"), String.valueOf(m.get("task_name")),
                    ChangeCodec.decode((Map<String, Object>) m.get("change")), Optional.ofNullable((String) m.get("undoes")));
            case "done" -> new Entry.Done(num(m, "seq"));
            case "unchanged" -> new Entry.Unchanged(num(m, "seq"));
            case "failed" -> new Entry.Failed(num(m, "seq"), String.valueOf(m.get("error")));
            default -> throw new JournalException("unknown journal phase '" + phase + "'");
        };
        return new HostEntry(host, entry);
    }

    private static int num(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Integer n) || n < 0) {
            throw new JournalException("journal line lacks '" + key + "' (a whole number)");
        }
        return n;
    }

    /**
     * Exactly one JSON object: text after it (garbage appended to a valid line, a second object) or a key given twice
     * is an error, never read past.
     */
    private static Map<String, Object> object(String line) {
        try (JsonParser parser = STRICT.createParser(line)) {
            Map<String, Object> m = STRICT.mapFrom(parser);
            if (m == null) {
                throw new JournalException("not a journal line: no JSON object");
            }
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new JournalException("not a journal line: text after its JSON object (at column "
                        + parser.currentTokenLocation().getColumnNr() + ")");
            }
            return m;
        } catch (IOException | RuntimeException e) {
            if (e instanceof JournalException j) {
                throw j;
            }
            throw new JournalException("not a journal line: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
