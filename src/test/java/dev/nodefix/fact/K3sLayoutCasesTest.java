package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every {@code k3s-layouts/<case>.yaml}: a node's k3s files ({@code files:} path to text, {@code unreadable:} paths
 * the collector's user may not read) laid out under a temporary root, read by the real collector (as uid 65534 when
 * the tests run as root, so file modes bite), and the effective settings {@link K3sEffectiveConfig} reads from its
 * output: {@code expected:} flag to {@code "VALUE @ FILE:LINE"}, {@code "default VALUE"}, {@code "default"} (not set,
 * k3s has no value of its own) or {@code "cannot tell"}; {@code others:} flag to the other places that set it;
 * {@code notes:} texts the notes must contain; {@code node_name:} what {@link NodeName} tells from the same output,
 * {@code "NAME from SOURCE"} ({@code none} when no name). Each case names the documentation it is built from.
 */
class K3sLayoutCasesTest {
    record Layout(String name, Map<String, String> files, List<String> unreadable, Map<String, Object> keys,
                  Map<String, String> expected, Map<String, List<String>> others, List<String> notes,
                  String nodeName) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Layout> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(K3sLayoutCasesTest.class.getResource("/fact/k3s-layouts").toURI());
        List<Layout> layouts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(f));
                layouts.add(new Layout(f.getFileName().toString().replaceFirst("\\.yaml$", ""), strings(doc.get("files")),
                        list(doc.get("unreadable")), map(doc.get("keys")), strings(doc.get("expected")),
                        lists(doc.get("others")), list(doc.get("notes")),
                        doc.get("node_name") == null ? null : String.valueOf(doc.get("node_name"))));
            }
        }
        return layouts.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCollectorAndTheMergeReadTheLayoutAsK3sDoes(Layout c, @TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        for (Map.Entry<String, String> f : c.files().entrySet()) {
            Path file = root.resolve(f.getKey().substring(1));
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                    c.unreadable().contains(f.getKey()) ? "rw-------" : "rw-r--r--"));
        }
        String raw = collect(tmp, root, !c.unreadable().isEmpty());
        CollectorOutput out = CollectorOutput.split(raw);

        Map<String, K3sEffectiveConfig.Kind> keys = new LinkedHashMap<>(K3sEffectiveConfig.FLANNEL);
        c.keys().forEach((k, v) -> keys.put(k, K3sEffectiveConfig.Kind.valueOf(String.valueOf(v).toUpperCase())));
        K3sEffectiveConfig config = K3sEffectiveConfig.read(out, keys);

        Map<String, String> actual = new TreeMap<>();
        Map<String, List<String>> others = new TreeMap<>();
        String prefix = root.toString();
        config.settings().forEach((k, s) -> {
            if (c.expected().containsKey(k)) {
                actual.put(k, switch (s.state()) {
                    case SET -> s.value().orElse("") + " @ " + s.from().get().at().replace(prefix, "");
                    case DEFAULT -> s.value().map(v -> "default " + v).orElse("default");
                    case CANNOT_TELL -> "cannot tell";
                });
            }
            if (c.others().containsKey(k)) {
                others.put(k, s.others().stream().map(o -> o.value() + " @ " + o.place().at().replace(prefix, ""))
                        .toList());
            }
        });
        assertThat(actual).as(c + "\n" + raw + "\n" + config).isEqualTo(new TreeMap<>(c.expected()));
        assertThat(others).as(c + ": others").isEqualTo(new TreeMap<>(c.others()));
        List<String> notes = config.notes().stream().map(n -> n.replace(prefix, "")).toList();
        for (String note : c.notes()) {
            assertThat(notes).as(c + ": notes").anyMatch(n -> n.contains(note));
        }
        if (c.nodeName() != null) {
            NodeName name = NodeName.of(out);
            assertThat(name.name().orElse("none") + " from " + name.source().replace(prefix, "")).as(c + ": node name")
                    .isEqualTo(c.nodeName());
        }
    }

    @org.junit.jupiter.api.Test
    void unitEnvironmentSecretsAreMaskedAndTheirLinesKept(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        Path unit = root.resolve("etc/systemd/system/k3s.service.d/10-env.conf");
        Files.createDirectories(unit.getParent());
        Files.writeString(root.resolve("etc/systemd/system/k3s.service"), "[Service]\nExecStart=/usr/local/bin/k3s server\n");
        Files.writeString(unit, "[Service]\nEnvironment=\"K3S_TOKEN=abc def\" K3S_URL=https://s:6443 'AWS_SECRET_KEY=xyz'\n"
                + "ExecStart=\nExecStart=/usr/local/bin/k3s server --flannel-backend=host-gw\n");

        CollectorOutput out = CollectorOutput.split(collect(tmp, root, false));

        assertThat(out.section("k3s-units").lines()).containsSubsequence("# unit file: " + unit, "[Service]",
                "Environment=\"K3S_TOKEN=****\" K3S_URL=https://s:6443 'AWS_SECRET_KEY=****'",
                "ExecStart=", "ExecStart=/usr/local/bin/k3s server --flannel-backend=host-gw");
        assertThat(out.section("k3s-units").text()).doesNotContain("abc").doesNotContain("def\"").doesNotContain("xyz");
        assertThat(K3sEffectiveConfig.from(out).setting("flannel-backend").from().map(Place::at))
                .hasValue(unit + ":4");
    }

    /** The collector's k3s sections with NF_ROOT as /, as uid 65534 when unreadable files must bite. */
    static String collect(Path tmp, Path root, boolean dropRoot) throws Exception {
        String script = CollectorScript.load().text();
        String functions = script.substring(0, script.lastIndexOf("\nnf_kernel\n"));
        return NobodyShell.run(tmp, root, functions + "\nnf_file k3s-config \"$NF_K3S_ETC/config.yaml\"\nnf_do k3s-config-d nf_dropins\n"
                + "NF_ENVFILES= NF_CONFIGS=\nnf_do k3s-units nf_units\nnf_do k3s-env nf_envfiles\nnf_config_other\n", dropRoot, 30);
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> m = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> m.put(String.valueOf(k), String.valueOf(v)));
        }
        return m;
    }

    private static Map<String, Object> map(Object o) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> m.put(String.valueOf(k), v));
        }
        return m;
    }

    private static Map<String, List<String>> lists(Object o) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> m.put(String.valueOf(k), list(v)));
        }
        return m;
    }

    private static List<String> list(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
