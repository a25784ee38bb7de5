package dev.nodefix.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.app.Nodefix;
import dev.nodefix.cli.CliContext;
import dev.nodefix.cli.CliRunner;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's loop through a jline dumb terminal (and over a script), with the CLI's commands over scripted hosts. */
class ShellReplTest {
    private static final Path INV = LineCasesTest.INV;
    private static final String ETHTOOL_ON = "@@nodefix-q 0\nFeatures for flannel.1:\ntx-checksumming: on\n"
            + "\ttx-checksum-ip-generic: on\n\n@@nodefix-rc 0 0\n";
    private static final String SET_OFFLOAD = "ethtool -K flannel.1 tx-checksum-ip-generic off";

    @TempDir Path state;

    /** What a session printed (terminal: everything; script: stdout and stderr) and returned. */
    record Session(int exitCode, String out, String err) {
    }

    private ScriptedHosts hosts() throws IOException {
        return new ScriptedHosts(ETHTOOL_ON).when("nodefix fact collector", collectorOutput());
    }

    /** The shell as the composition root builds it, its commands run by the whole command tree over {@code hosts}. */
    private ShellContext context(ScriptedHosts hosts, StringWriter out, StringWriter err) {
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString(), "USER", "tester");
        CliContext cli = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), env, state,
                Clock.systemUTC(), (kind, subject) -> Optional.empty(), settings -> hosts, Nodefix.services(env, state), false,
                q -> false, new java.util.Random()::nextInt);
        return new ShellContext(cli.out(), cli.err(), env, (argv, o, e, interactive, confirm) -> Nodefix.cli(
                cli.withTerminal(o, e, interactive, confirm)).execute(argv.toArray(String[]::new)),
                cli.services().runs(), cli.services().modules());
    }

    private Session interactive(ScriptedHosts hosts, String... lines) throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        InputStream keys = new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        try (Terminal terminal = new DumbTerminal("test", "dumb", keys, screen, StandardCharsets.UTF_8)) {
            int code = new Shell(context(hosts, new StringWriter(), new StringWriter()), ShellState.start(INV, List.of()),
                    new ShellInventory(INV)).interactive(terminal);
            terminal.flush();
            return new Session(code, screen.toString(StandardCharsets.UTF_8), "");
        }
    }

    private Session scripted(ScriptedHosts hosts, String... lines) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Shell(context(hosts, out, err), ShellState.start(INV, List.of()), new ShellInventory(INV))
                .scripted(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")));
        return new Session(code, out.toString(), err.toString());
    }

    @Test
    void thePromptShowsUserTargetHostCountAndTheSwitches() throws IOException {
        Session s = interactive(hosts(), "cd srv1", "check on", "become on", "check off");

        assertThat(s.out()).contains("nodefix shell on " + INV, "admin@all (3 hosts)$ ", "admin@srv1 (1 host)$ ",
                "admin@srv1 (1 host) [check]$ ", "admin@srv1 (1 host) [check become]# ", "admin@srv1 (1 host) [become]# ");
        assertThat(s.exitCode()).isZero();
    }

    @Test
    void helpListsTheCommandsAndAModulesArguments() throws IOException {
        Session s = interactive(hosts(), "help", "help ethtool");

        assertThat(s.out()).contains("cd [PATTERN]", "undo [--yes]", "ethtool", "usage: ethtool KEY=VALUE",
                "  iface ", "string  (required)  the device, e.g. flannel.1", "features.NAME  on|off");
    }

    @Test
    void cdToAPatternThatSelectsNothingSaysWhyAndKeepsTheTarget() throws IOException {
        Session s = interactive(hosts(), "cd agent", "cd nope", "list");

        assertThat(s.out()).contains("agent: 2 hosts (agt1, agt2)", "cd: 'nope' matches no host or group in",
                "; target stays agent", "agt2  192.0.2.12  admin  agent");
        assertThat(s.out().lines().filter(l -> l.contains("admin@agent (2 hosts)$ "))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void checkOnThenAModulePlansAndChangesNothing() throws IOException {
        ScriptedHosts hosts = hosts();

        Session s = interactive(hosts, "cd srv1", "check on", "ethtool iface=flannel.1 features.tx-checksum-ip-generic=off");

        assertThat(s.out()).contains("  change: [srv1]  flannel.1: tx-checksum-ip-generic on -> off",
                "check: 1 change(s) on 1 host(s) would be made; nothing changed");
        assertThat(hosts.commandsSeen).isNotEmpty().noneMatch(c -> c.contains("nodefix-journal") || c.contains(SET_OFFLOAD));
        assertThat(state.resolve("nodefix/runs")).doesNotExist();
    }

    @Test
    void aConfirmedChangeIsJournaledListedByTheCliAndUndoneByUndo() throws IOException {
        ScriptedHosts hosts = hosts();

        Session s = interactive(hosts, "cd srv1", "ethtool iface=flannel.1 tx-checksum-ip-generic=off", "y", "undo", "y",
                "undo");

        assertThat(s.out()).contains("Apply 1 change(s) on 1 host(s)? [y/N]");
        assertThat(hosts.count(SET_OFFLOAD)).isEqualTo(1);
        String id = runId(s.out());
        assertThat(s.out()).contains("undo: rolling back run " + id, "PLAN rollback " + id,
                "undo: this shell has changed nothing yet");
        CliRunner.Result runs = new CliRunner().env("XDG_STATE_HOME", state.toString()).run("runs");
        assertThat(runs.out()).contains(id + " ", "ethtool iface=flannel.1 features.tx-checksum-ip-generic=off");
    }

    @Test
    void answeringNoChangesNothingAndLeavesNothingToUndo() throws IOException {
        ScriptedHosts hosts = hosts();

        Session s = interactive(hosts, "ethtool iface=flannel.1 tx-checksum-ip-generic=off", "n", "undo");

        assertThat(s.out()).contains("nothing changed", "undo: this shell has changed nothing yet")
                .doesNotContain("runs this shell made");
        assertThat(hosts.count(SET_OFFLOAD)).isZero();
    }

    @Test
    void leavingNamesTheRunsThisShellMadeAndDidNotUndo() throws IOException {
        Session s = interactive(hosts(), "cd srv1", "ethtool iface=flannel.1 tx-checksum-ip-generic=off", "y");

        assertThat(s.out()).contains("runs this shell made and did not undo: " + runId(s.out())
                + " (nodefix rollback RUN undoes one)");
    }

    @Test
    void factsAreKeptForTheSessionUntilRefreshedOrAChange() throws IOException {
        ScriptedHosts hosts = hosts();

        Session s = interactive(hosts, "cd srv1", "facts", "facts", "facts --refresh", "!true", "facts");

        assertThat(s.out()).contains("HOST  ROLE", "srv1  server", "collected earlier in this session");
        assertThat(hosts.count("/bin/sh -s")).as("collector runs").isEqualTo(3);
    }

    @Test
    void historyIsKeptAcrossSessionsWithoutTheAnswersToQuestions() throws IOException {
        interactive(hosts(), "cd srv1", "ethtool iface=flannel.1 tx-checksum-ip-generic=off", "n");
        Session second = interactive(hosts(), "list");

        Path history = state.resolve("nodefix/shell_history");
        assertThat(Files.readString(history)).contains("cd srv1", "ethtool iface=flannel.1", "list")
                .doesNotContainPattern("(?m):n$");
        assertThat(second.exitCode()).isZero();
    }

    @Test
    void aScriptRunsWithoutPromptsAndExitsWithTheFirstFailure() throws IOException {
        ScriptedHosts hosts = hosts();

        Session s = scripted(hosts, "cd srv1", "ethtool iface=flannel.1", "cd nope", "list");

        assertThat(s.exitCode()).isEqualTo(1); // the CLI's input error came first; cd's refusal would be 2
        assertThat(s.out()).doesNotContain("$ ", "nodefix shell on").contains("srv1  192.0.2.10  admin  server");
        assertThat(s.err()).contains("features: required argument is missing", "cd: 'nope' matches no host");
    }

    @Test
    void aScriptChangesOnlyWithYesAndAShellRefusalExitsTwo() throws IOException {
        ScriptedHosts hosts = hosts();

        Session refused = scripted(hosts, "ethtool iface=flannel.1 tx-checksum-ip-generic=off", "undo");
        Session applied = scripted(hosts, "cd srv1", "ethtool iface=flannel.1 tx-checksum-ip-generic=off --yes",
                "undo --yes", "exit", "cd nope");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("pass --yes", "undo: this shell has changed nothing yet");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).contains("undo: rolling back run " + runId(applied.out()));
        assertThat(hosts.count(SET_OFFLOAD)).isEqualTo(1);
        assertThat(scripted(hosts, "cd nope", "list").exitCode()).isEqualTo(ShellSession.SHELL_FAILURE);
    }

    @Test
    void theShellCommandReadsAScriptFromStdinWithTheOptionsItWasGiven() throws IOException {
        ScriptedHosts hosts = hosts();
        List<Optional<String>> users = new java.util.ArrayList<>();
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream("cd agt1\nfacts\ncd nope\n".getBytes(StandardCharsets.UTF_8)));
        try {
            CliRunner.Result r = new CliRunner().env("XDG_STATE_HOME", state.toString()).transports(settings -> {
                users.add(settings.user());
                return hosts;
            }).run("shell", "-i", INV.toString(), "--user", "ops", "--connect-timeout", "3");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ShellSession.SHELL_FAILURE);
            assertThat(r.out()).contains("agt1  ");
            assertThat(users).containsOnly(Optional.of("ops")).isNotEmpty();
        } finally {
            System.setIn(stdin);
        }
    }

    private static String runId(String out) {
        Matcher m = Pattern.compile("RUN (\\d{8}T\\d{6}Z-[0-9a-f]{4})").matcher(out);
        assertThat(m.find()).as("a run id in:\n" + out).isTrue();
        return m.group(1);
    }

    private static String collectorOutput() throws IOException {
        try (InputStream in = ShellReplTest.class.getResourceAsStream("/facts/_captured/affected-server")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
