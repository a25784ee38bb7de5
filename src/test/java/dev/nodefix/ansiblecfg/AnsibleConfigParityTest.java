package dev.nodefix.ansiblecfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real {@code ansible-config dump --only-changed -t all} on every case (same files, same working
 * directory, HOME = the case's home, only the case's variables set) and checks that Ansible found the same file
 * and decided every setting nodefix reads to the same value from the same origin (file or {@code env: NAME}),
 * printed the same world-writable warning, and refused the same broken files at the same line. Cases marked
 * {@code accepts} are ones nodefix refuses on purpose: Ansible must accept them, showing the difference is real.
 */
class AnsibleConfigParityTest {
    private static final Pattern ANSIBLE_LINE = Pattern.compile("\\[line\\s+(\\d+)]|line: (\\d+)");

    @TempDir
    Path root;

    @BeforeAll
    static void requireAnsible() {
        AnsibleRun.requireOnPath("ansible-config");
    }

    static Stream<ConfigCase> cases() throws IOException, URISyntaxException {
        return AnsibleConfigCasesTest.cases().filter(c -> !c.ansible().startsWith("skip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ansibleAgrees(ConfigCase c) throws Exception {
        Map<String, String> env = c.stage(root, AnsibleConfigCasesTest.resources());
        AnsibleRun ansible = AnsibleRun.of(root, env, List.of("ansible-config", "dump", "--only-changed", "-t", "all"));
        if (c.ansible().equals("accepts")) {
            assertThatThrownBy(() -> c.run(root, env)).isInstanceOf(AnsibleConfigException.class);
            assertThat(ansible.exit()).as("ansible-config accepts it: " + ansible.stderr()).isZero();
            return;
        }
        assertThat(c.ansible()).isEqualTo("same");
        if (c.expect().error().isPresent()) {
            sameRefusal(c, env, ansible);
            return;
        }
        assertThat(ansible.exit()).as(ansible.stderr()).isZero();
        AnsibleConfig config = c.run(root, env);
        Map<String, DumpFormat.Line> theirs = DumpFormat.parse(ansible.stdout());
        assertThat(theirs.get("CONFIG_FILE").value()).isEqualTo(config.file().map(Path::toString).orElse("None"));
        assertThat(settings(DumpFormat.of(config))).isEqualTo(settings(theirs));
        sameWarnings(config.warnings(), ansible.stderr());
    }

    /** The settings nodefix reads, as {@code NAME -> "VALUE from ORIGIN"}, in the table's order. */
    private static Map<String, String> settings(Map<String, DumpFormat.Line> dump) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : DumpFormat.names()) {
            Optional.ofNullable(dump.get(name)).ifPresent(l -> out.put(name, l.value() + " from " + l.origin()));
        }
        return out;
    }

    private void sameRefusal(ConfigCase c, Map<String, String> env, AnsibleRun ansible) {
        assertThat(ansible.exit()).as("ansible-config refuses it too").isNotZero();
        AnsibleConfigException ours = org.junit.jupiter.api.Assertions.assertThrows(AnsibleConfigException.class,
                () -> c.run(root, env));
        Matcher line = ANSIBLE_LINE.matcher(ansible.stderr());
        if (line.find()) {
            int theirs = Integer.parseInt(line.group(1) != null ? line.group(1) : line.group(2));
            assertThat(ours.location().line()).as("line, Ansible said: " + ansible.stderr()).isEqualTo(theirs);
        }
    }

    /** Ansible wraps its warnings to the terminal width: compare without whitespace. */
    private static void sameWarnings(List<String> ours, String stderr) {
        String theirs = stderr.replaceAll("\\s+", "");
        List<String> worldWritable = ours.stream().filter(w -> w.startsWith("Ansible is being run")).toList();
        for (String warning : worldWritable) {
            assertThat(theirs).contains(warning.replaceAll("\\s+", ""));
        }
        assertThat(theirs.contains("worldwritabledirectory")).as("Ansible warned: " + stderr)
                .isEqualTo(!worldWritable.isEmpty());
    }
}
