package dev.nodefix.journal;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The controller's copy of every run: {@code DIR/RUN_ID/run.json} and {@code DIR/RUN_ID/journal.jsonl}
 * (every host's entries, each line synced to disk before the change it announces is sent).
 * DIR is {@code $XDG_STATE_HOME/nodefix/runs} ({@code ~/.local/state/nodefix/runs}).
 */
public final class RunStore {
    /** Runs hold whole file contents (a k3s config.yaml holds the cluster token): readable by the owner only. */
    private static final java.nio.file.attribute.FileAttribute<?> PRIVATE_DIR =
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));

    private final Path dir;

    public RunStore(Path dir) {
        this.dir = dir;
    }

    public static Path defaultDir(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_STATE_HOME");
        Path state = xdg != null && xdg.startsWith("/") ? Path.of(xdg) : home.resolve(".local/state");
        return state.resolve("nodefix/runs");
    }

    public Path dir() {
        return dir;
    }

    /** Creates the run's directory and metadata, and opens its journal for appending. */
    public RunJournal create(RunMeta meta) {
        Path runDir = dir.resolve(meta.id());
        try {
            Files.createDirectories(dir, PRIVATE_DIR);
            Files.createDirectory(runDir, PRIVATE_DIR);
            writeMeta(meta);
            return new RunJournal(runDir.resolve("journal.jsonl"));
        } catch (IOException e) {
            throw new JournalException("cannot create run " + meta.id() + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    public void writeMeta(RunMeta meta) {
        Path runDir = dir.resolve(meta.id());
        Path tmp = runDir.resolve("run.json.tmp");
        try {
            Files.writeString(tmp, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(encode(meta)) + "\n");
            try {
                Files.move(tmp, runDir.resolve("run.json"), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, runDir.resolve("run.json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new JournalException("cannot write " + runDir.resolve("run.json") + ": " + e.getMessage(), e);
        }
    }

    /** Every readable run's metadata, oldest first (see {@link #scan} for the unreadable ones). */
    public List<RunMeta> list() {
        return scan().runs();
    }

    /** Every run: those whose {@code run.json} reads, oldest first, and those whose does not, with the reason. */
    public StoredRuns scan() {
        if (!Files.isDirectory(dir)) {
            return new StoredRuns(List.of(), List.of());
        }
        List<RunMeta> runs = new ArrayList<>();
        List<StoredRuns.Unreadable> unreadable = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path p : children.sorted().toList()) {
                String id = p.getFileName().toString();
                if (!RunId.looksLike(id) || !Files.isDirectory(p)) {
                    continue;
                }
                if (!Files.exists(p.resolve("run.json"))) {
                    unreadable.add(new StoredRuns.Unreadable(id, "it has no run.json"));
                    continue;
                }
                try {
                    runs.add(meta(id));
                } catch (JournalException e) {
                    unreadable.add(new StoredRuns.Unreadable(id, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new JournalException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        runs.sort(java.util.Comparator.comparing(RunMeta::started).thenComparing(RunMeta::id));
        return new StoredRuns(runs, unreadable);
    }

    public Optional<RunMeta> find(String id) {
        Path p = dir.resolve(RunId.check(id)).resolve("run.json");
        return Files.exists(p) ? Optional.of(meta(id)) : Optional.empty();
    }

    /** Whether the store has the run's directory (its run.json may still be unreadable). */
    public boolean has(String id) {
        return Files.isDirectory(dir.resolve(RunId.check(id)));
    }

    public Optional<RunMeta> last() {
        List<RunMeta> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The run's journal as recorded on the controller. */
    public JournalText journal(String id) {
        Path p = dir.resolve(RunId.check(id)).resolve("journal.jsonl");
        try {
            return JournalText.parse(p.toString(), Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "");
        } catch (IOException e) {
            throw new JournalException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * The hosts a run may have changed: those its journal here holds a change (an intent) for; every host of its
     * {@code run.json} when that journal is gone. A garbled line is left out here (rollback's checks name it).
     */
    public java.util.Set<String> changedHosts(RunMeta run) {
        Path p = dir.resolve(run.id()).resolve("journal.jsonl");
        if (!Files.exists(p)) {
            return new java.util.LinkedHashSet<>(run.hosts());
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        journal(run.id()).entries().stream().filter(e -> e.entry() instanceof Entry.Intent)
                .forEach(e -> e.host().ifPresent(out::add));
        return out;
    }

    /** How far {@code run} is rolled back, host by host, among {@code all} runs. */
    public RollbackStatus rollbackStatus(RunMeta run, List<RunMeta> all) {
        return RollbackStatus.of(run, changedHosts(run), all);
    }

    private RunMeta meta(String id) {
        Path p = dir.resolve(id).resolve("run.json");
        try {
            RunMeta meta = decode(JSON.std.mapFrom(Files.readString(p)));
            if (!meta.id().equals(id)) {
                throw new JournalException("it names run " + meta.id());
            }
            return meta;
        } catch (IOException | RuntimeException e) {
            throw new JournalException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> encode(RunMeta m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("kind", m.kind().label());
        m.rollbackOf().ifPresent(r -> out.put("rollback_of", r));
        out.put("started", m.started().toString());
        out.put("what", m.what());
        out.put("hosts", m.hosts());
        m.inventory().ifPresent(i -> {
            Map<String, Object> inv = new LinkedHashMap<>();
            inv.put("sources", i.sources());
            i.limit().ifPresent(l -> inv.put("limit", l));
            out.put("inventory", inv);
        });
        m.finished().ifPresent(f -> {
            out.put("finished", f.at().toString());
            out.put("changed", f.changed());
            out.put("failed", f.failed());
            out.put("unreachable", f.unreachable());
            if (!f.ends().isEmpty()) {
                Map<String, Object> ends = new LinkedHashMap<>();
                f.ends().forEach((host, end) -> ends.put(host, end.label()));
                out.put("host_ends", ends);
            }
            if (!f.batches().isEmpty()) {
                out.put("batches", f.batches());
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static RunMeta decode(Map<String, Object> m) {
        Optional<RunMeta.Outcome> finished = m.containsKey("finished")
                ? Optional.of(new RunMeta.Outcome(Instant.parse(text(m, "finished")), num(m, "changed"),
                        num(m, "failed"), num(m, "unreachable"), ends(m.get("host_ends")), batches(m.get("batches"))))
                : Optional.empty();
        if (!(m.get("hosts") instanceof List<?> hosts) || !hosts.stream().allMatch(String.class::isInstance)) {
            throw new JournalException("'hosts' is not a list of names");
        }
        return new RunMeta(text(m, "id"), RunKind.of(text(m, "kind")), Optional.ofNullable((String) m.get("rollback_of")),
                Instant.parse(text(m, "started")), text(m, "what"), (List<String>) hosts, finished,
                inventory(m.get("inventory")));
    }

    /** Runs recorded before nodefix kept their inventory have none. */
    private static Optional<InventoryUsed> inventory(Object raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof Map<?, ?> m) || !(m.get("sources") instanceof List<?> sources)
                || !sources.stream().allMatch(String.class::isInstance)
                || m.get("limit") != null && !(m.get("limit") instanceof String)) {
            throw new JournalException("'inventory' is not {sources: [paths], limit: pattern}");
        }
        return Optional.of(new InventoryUsed(sources.stream().map(String.class::cast).toList(),
                Optional.ofNullable((String) m.get("limit"))));
    }

    private static Map<String, HostEnd> ends(Object raw) {
        Map<String, HostEnd> out = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> m) {
            m.forEach((host, end) -> out.put(String.valueOf(host), HostEnd.of(String.valueOf(end))));
        } else if (raw != null) {
            throw new JournalException("'host_ends' is not a map of host to how it ended");
        }
        return out;
    }

    /** Runs recorded before nodefix kept their batches have none. */
    private static List<List<String>> batches(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list) || !list.stream().allMatch(b -> b instanceof List<?> names
                && names.stream().allMatch(String.class::isInstance))) {
            throw new JournalException("'batches' is not a list of lists of host names");
        }
        return list.stream().map(b -> ((List<?>) b).stream().map(String.class::cast).toList()).toList();
    }

    private static String text(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof String s)) {
            throw new JournalException("'" + key + "' is missing or not text");
        }
        return s;
    }

    private static int num(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new JournalException("'" + key + "' is missing or not a number");
        }
        return n.intValue();
    }
}
