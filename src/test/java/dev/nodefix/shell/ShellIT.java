package dev.nodefix.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.cli.CliRunner;
import dev.nodefix.lab.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real binary's shell in a pseudo-terminal against a 3-node lab, as an operator uses it mid-incident: cd to one
 * node, look at its facts, turn the checksum offload off there (confirmed), undo it (confirmed), the node's real
 * state read after each step. Runs {@code bin/nodefix} when the jar is {@code target/nodefix.jar}; with another
 * build directory ({@code -Dnodefix.buildDir=DIR}) it runs {@code java -jar DIR/nodefix.jar}.
 */
class ShellIT {
    private static final Duration STEP = Duration.ofSeconds(90);
    private static final Pattern OFFLOAD = Pattern.compile("tx-checksum-ip-generic: (on|off)");
    private static Lab lab;

    @TempDir Path state;

    @BeforeAll
    static void up() {
        Path repo = Path.of("").toAbsolutePath();
        lab = Lab.up(repo, 3, "affected", new Lab.LabNames("nfxs", "nfxsbr0", "10.99.46", repo.resolve("target/it-shell")));
    }

    @AfterAll
    static void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void cdFactsAChangeAndUndoOnARealNode() throws Exception {
        String node = lab.names().get(1);
        for (String n : lab.names()) {
            lab.exec(n, "rm", "-rf", "/var/lib/nodefix");
            assertThat(offload(n)).as(n).isEqualTo("on");
        }
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString(), "TERM", "xterm", "NO_COLOR", "1");
        try (PseudoTerminal shell = PseudoTerminal.start(launcher() + " shell -i " + lab.inventory(), lab.repo(), env)) {
            shell.await("(3 hosts)$ ", STEP);

            shell.type("cd " + node);
            shell.await(node + ": 1 host (" + node + ")", STEP);
            shell.await("@" + node + " (1 host)$ ", STEP);

            shell.type("facts");
            String facts = shell.await("@" + node + " (1 host)$ ", STEP);
            assertThat(facts).contains("TX-CSUM-OFFLOAD").containsPattern(node + " +server|" + node + " +agent");
            String table = facts.substring(0, facts.contains("FLANNEL SETTINGS") ? facts.indexOf("FLANNEL SETTINGS")
                    : facts.length());
            assertThat(table.lines().filter(l -> l.startsWith(node + " "))).singleElement().asString()
                    .contains(" vxlan ", " on ");
            assertThat(facts).containsPattern(node + " +flannel-backend: not set"); // the lab's k3s takes its default
            assertThat(offload(node)).isEqualTo("on");

            shell.type("ethtool iface=flannel.1 features.tx-checksum-ip-generic=off");
            shell.await("Apply 1 change(s) on 1 host(s)? [y/N] ", STEP);
            shell.type("y");
            String applied = shell.await("@" + node + " (1 host)$ ", STEP);
            assertThat(applied).contains("changed: [" + node + "]", "undo it with: nodefix rollback ");
            assertThat(offload(node)).isEqualTo("off");
            assertThat(offload(lab.names().get(0))).isEqualTo("on");
            assertThat(offload(lab.names().get(2))).isEqualTo("on");
            String id = runId(applied);
            CliRunner.Result runs = new CliRunner().env("XDG_STATE_HOME", state.toString()).run("runs");
            assertThat(runs.out()).contains(id + " ");

            shell.type("undo");
            shell.await("undo: rolling back run " + id, STEP);
            shell.await("Apply 1 change(s) on 1 host(s)? [y/N] ", STEP);
            shell.type("y");
            String undone = shell.await("@" + node + " (1 host)$ ", STEP);
            assertThat(undone).contains("tx-checksum-ip-generic off -> on");
            assertThat(offload(node)).isEqualTo("on");

            shell.type("exit");
            assertThat(shell.waitFor(STEP)).as(shell.plain()).isZero();
        }
        CliRunner.Result runs = new CliRunner().env("XDG_STATE_HOME", state.toString()).run("runs");
        assertThat(runs.out()).contains("yes, by ");
        assertThat(Files.readString(state.resolve("nodefix/shell_history"))).contains("cd " + node, "undo", "exit");
    }

    /** {@code bin/nodefix} for the default build directory, else the jar of the one this build uses. */
    private static String launcher() {
        Path repo = lab.repo();
        String buildDir = System.getProperty("nodefix.buildDir");
        Path jar = (buildDir == null || buildDir.isBlank() ? repo.resolve("target") : Path.of(buildDir)).resolve("nodefix.jar");
        assertThat(jar).as("the shaded jar (mvn package builds it)").exists();
        return jar.equals(repo.resolve("target/nodefix.jar")) ? repo.resolve("bin/nodefix").toString()
                : "java -jar " + jar;
    }

    private static String offload(String node) {
        Matcher m = OFFLOAD.matcher(lab.exec(node, "ethtool", "-k", "flannel.1"));
        return m.find() ? m.group(1) : "?";
    }

    private static String runId(String out) {
        Matcher m = Pattern.compile("RUN (\\d{8}T\\d{6}Z-[0-9a-f]{4})").matcher(out);
        assertThat(m.find()).as("a run id in:\n" + out).isTrue();
        return m.group(1);
    }
}
