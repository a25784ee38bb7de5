package dev.nodefix.modules;

import dev.nodefix.inventory.Role;
import dev.nodefix.query.DirQuery;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One {@code modules/<module>/<case>.yaml}: {@code args} (as a playbook gives them), optional {@code role}
 * (server|agent|unknown), {@code state} (raw query results, parsed by the real {@link Query#parse}) and
 * {@code expect}: exactly one of {@code error} (ArgException message), {@code fails} (reading the state or
 * planning throws), {@code noop}, {@code refused} (substrings of the reason) or {@code changes} (describe()
 * lines, exact), with optional {@code diff} (substrings of the diffs), {@code inverse} (describe() of each
 * inverse in rollback order) and {@code after} (the whole text of the one file the plan writes).
 *
 * <p>State entries: {@code {offload: IFACE, output: TEXT, rc: N}}, {@code {unit: NAME, output: TEXT}},
 * {@code {file: PATH, absent: true}}, {@code {file: PATH, content: TEXT, mode: "644", owner: root, group: root}}
 * (mode/owner/group default to 644 root root) or {@code {file: PATH, output: TEXT, rc: N}} (raw);
 * {@code {parents: PATH}} (the directories above PATH) or {@code {dirs: [DIR, ...]}}, with {@code output} one
 * line per directory, each read as its own query ({@code D}, {@code A}, {@code X} or {@code L TARGET}; default: every one a directory); for the check
 * modules {@code {connect: HOST:PORT, timeout: S, output: TEXT}} (timeout defaults to 5),
 * {@code {wait_port: HOST:PORT | wait_path: PATH | wait_unit: NAME, want: true|false, timeout: S, output: TEXT}}
 * (want: open/present/active; timeout defaults to 60) and {@code {facts: collector, output_file: NAME}} (collector
 * output in a file next to the case).
 *
 * <p>{@code k3s_flannel_backend} also reads the k3s configuration ({@link dev.nodefix.query.K3sSourcesQuery}): its
 * output is made by running the query's real script over the case's {@code file:} entries with content plus
 * {@code k3s_files} (path to content: drop-ins, env files, config.yaml.d; mode 644 root root), see
 * {@link K3sSourcesRead}. {@code layout: NAME} takes the files of {@code fact/k3s-layouts/NAME.yaml} (the facts'
 * own layout cases, built from the k3s and systemd documentation): the installer's unit and config.yaml become the
 * module's file reads (absent when the layout has none), every other file goes to {@code k3s_files}.
 */
record ModuleCase(String module, String name, Map<String, Object> args, Role role, List<Read> state, Expect expect) {
    /** One query and what its script printed. */
    record Read(Query query, String output, int rc) {
        Object parse() {
            return query.parse(output, rc);
        }
    }

    /** What the case expects; {@code kind} is error, fails, noop, refused or changes. */
    record Expect(String kind, String text, List<String> changes, List<String> diff, List<String> inverse,
                  Optional<String> after) {
        static final List<String> KINDS = List.of("error", "fails", "noop", "refused", "changes");
    }

    ModuleCase {
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
        state = List.copyOf(state);
    }

    @Override
    public String toString() {
        return module + "/" + name;
    }

    List<Query> queries() {
        return state.stream().map(Read::query).toList();
    }

    /** The node state, every raw output parsed by its query (which may throw, as on a real node). */
    NodeState nodeState() {
        Map<Query, Object> values = new LinkedHashMap<>();
        state.forEach(r -> values.put(r.query(), r.parse()));
        return new NodeState("node1", role, values);
    }

    static ModuleCase load(Path file) {
        Map<?, ?> doc = yaml(file);
        String module = file.getParent().getFileName().toString();
        String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        String where = module + "/" + name;
        Map<String, Object> args = new LinkedHashMap<>();
        map(doc.get("args"), where + ": args").forEach((k, v) -> args.put(String.valueOf(k), v));
        Role role = Role.valueOf(String.valueOf(doc.containsKey("role") ? doc.get("role") : "unknown")
                .toUpperCase(Locale.ROOT));
        List<Read> state = new ArrayList<>();
        if (doc.get("state") != null) {
            for (Object entry : (List<?>) doc.get("state")) {
                Map<?, ?> e = map(entry, where + ": state entry");
                if (e.get("parents") != null || e.get("dirs") != null) {
                    state.addAll(dirs(e));
                } else {
                    state.add(read(e, file.getParent()));
                }
            }
        }
        if (doc.get("layout") != null) {
            doc = withLayout(doc, String.valueOf(doc.get("layout")), state);
        }
        if (module.equals("k3s_flannel_backend") || doc.get("k3s_files") != null) {
            state.add(k3sSources(doc, where));
        }
        return new ModuleCase(module, name, args, role, state, expect(map(doc.get("expect"), where + ": expect"), where));
    }

    private static Read read(Map<?, ?> e, Path dir) {
        int rc = e.get("rc") instanceof Number n ? n.intValue() : 0;
        String output = e.get("output") == null ? "" : String.valueOf(e.get("output"));
        Optional<Query> check = CheckQueries.of(e);
        if (check.isPresent()) {
            return new Read(check.get(), e.get("output_file") == null ? output
                    : CheckQueries.file(dir.resolve(String.valueOf(e.get("output_file")))), rc);
        }
        if (e.get("offload") != null) {
            return new Read(new Query.Offload(String.valueOf(e.get("offload"))), output, rc);
        }
        if (e.get("unit") != null) {
            return new Read(new Query.Unit(String.valueOf(e.get("unit"))), output, rc);
        }
        Query.File file = new Query.File(String.valueOf(Objects.requireNonNull(e.get("file"), "state entry: " + e)));
        if (Boolean.TRUE.equals(e.get("absent"))) {
            return new Read(file, "", 44);
        }
        if (e.get("content") == null) {
            return new Read(file, output, rc);
        }
        String content = String.valueOf(e.get("content"));
        String head = text(e, "mode", "644") + " " + text(e, "owner", "root") + " " + text(e, "group", "root");
        return new Read(file, head + "\n" + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)), 0);
    }

    /** The case with the layout's files: file reads for the installer's unit and config.yaml, the rest as k3s_files. */
    private static Map<?, ?> withLayout(Map<?, ?> doc, String layout, List<Read> state) {
        Path file;
        try {
            file = Path.of(ModuleCase.class.getResource("/fact/k3s-layouts/" + layout + ".yaml").toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no layout " + layout, e);
        }
        Map<?, ?> files = map(yaml(file).get("files"), layout + ": files");
        Map<String, Object> rest = new LinkedHashMap<>();
        List<Object> entries = new ArrayList<>(doc.get("state") == null ? List.of() : (List<?>) doc.get("state"));
        for (String own : List.of("/etc/rancher/k3s/config.yaml", "/etc/systemd/system/k3s.service")) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("file", own);
            if (files.get(own) == null) {
                e.put("absent", true);
            } else {
                e.put("content", String.valueOf(files.get(own)));
            }
            entries.add(e);
            state.add(read(e, file.getParent()));
        }
        files.forEach((k, v) -> {
            if (!String.valueOf(k).equals("/etc/rancher/k3s/config.yaml")
                    && !String.valueOf(k).equals("/etc/systemd/system/k3s.service")) {
                rest.put(String.valueOf(k), v);
            }
        });
        Map<Object, Object> out = new LinkedHashMap<>(doc);
        out.put("state", entries);
        out.put("k3s_files", rest);
        return out;
    }

    /** The k3s sources read over the case's files (those of its file reads with content, and k3s_files). */
    private static Read k3sSources(Map<?, ?> doc, String where) {
        Map<String, K3sSourcesRead.CaseFile> files = new LinkedHashMap<>();
        if (doc.get("state") != null) {
            for (Object entry : (List<?>) doc.get("state")) {
                Map<?, ?> e = map(entry, where + ": state entry");
                if (e.get("file") != null && e.get("content") != null) {
                    files.put(String.valueOf(e.get("file")), new K3sSourcesRead.CaseFile(String.valueOf(e.get("content")),
                            text(e, "mode", "644"), text(e, "owner", "root"), text(e, "group", "root")));
                }
            }
        }
        map(doc.get("k3s_files"), where + ": k3s_files").forEach((k, v) -> files.put(String.valueOf(k),
                new K3sSourcesRead.CaseFile(String.valueOf(v), "644", "root", "root")));
        dev.nodefix.query.K3sSourcesQuery query = dev.nodefix.query.K3sSourcesQuery.shipped();
        return new Read(query, K3sSourcesRead.output(query, files), 0);
    }

    /** A {@code parents} or {@code dirs} entry: one read per directory, line i of the output for the i-th. */
    private static List<Read> dirs(Map<?, ?> e) {
        List<DirQuery> dirs = e.get("parents") != null ? DirQuery.parentsOf(String.valueOf(e.get("parents")))
                : strings(e.get("dirs")).stream().map(DirQuery::new).toList();
        List<String> lines = e.get("output") == null ? java.util.Collections.nCopies(dirs.size(), "D")
                : String.valueOf(e.get("output")).lines().toList();
        List<Read> reads = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            reads.add(new Read(dirs.get(i), i < lines.size() ? lines.get(i) + "\n" : "", 0));
        }
        return reads;
    }

    private static Expect expect(Map<?, ?> e, String where) {
        List<String> kinds = Expect.KINDS.stream().filter(e::containsKey).toList();
        if (kinds.size() != 1) {
            throw new IllegalArgumentException(where + ": expect needs exactly one of " + Expect.KINDS + ", got " + kinds);
        }
        String kind = kinds.get(0);
        Optional<String> text = kind.equals("changes") ? Optional.empty() : Optional.of(String.valueOf(e.get(kind)));
        return new Expect(kind, text.orElse(""), strings(e.get("changes")), strings(e.get("diff")),
                strings(e.get("inverse")), Optional.ofNullable(e.get("after")).map(String::valueOf));
    }

    private static String text(Map<?, ?> e, String key, String fallback) {
        return e.get(key) == null ? fallback : String.valueOf(e.get(key));
    }

    private static List<String> strings(Object list) {
        return list == null ? List.of() : ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private static Map<?, ?> map(Object value, String what) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(what + ": expected a mapping, got " + value);
        }
        return m;
    }

    private static Map<?, ?> yaml(Path file) {
        try {
            return map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
