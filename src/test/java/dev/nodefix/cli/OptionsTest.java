package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.app.Nodefix;
import dev.nodefix.report.ExitCode;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.SshSettings;
import dev.nodefix.transport.TransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option parsing of the command tree, without running anything. */
class OptionsTest {
    private static CommandLine.ParseResult parse(String... args) {
        return Nodefix.cli(new CliRunner().context()).commandLine().parseArgs(args);
    }

    @Test
    void sharedOptionsHaveDocumentedDefaults() {
        CommandLine.ParseResult parsed = parse("run", "-a", "true");
        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();

        assertThat(run.common.connection.forks(Optional.empty())).isEqualTo(50);
        assertThat(run.common.connection.forks(Optional.of(5))).as("ansible.cfg's forks").isEqualTo(5);
        assertThat(run.common.inventory.inventories()).isEmpty();
    }

    @Test
    void shortAndLongFormsMatchAnsible() {
        CommandLine.ParseResult parsed = parse("run", "-i", "inv.yaml", "-i", "more/", "--private-key", "k", "-l", "agent:!agt2", "-f", "7", "-u", "ops",
                "-b", "--become-user", "k3s", "-a", "uptime", "-vv", "--json");
        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();

        assertThat(run.common.inventory.inventories()).containsExactly(Path.of("inv.yaml"), Path.of("more/"));
        assertThat(run.common.inventory.limit).isEqualTo("agent:!agt2");
        assertThat(run.common.connection.forks(Optional.of(5))).as("-f wins over ansible.cfg").isEqualTo(7);
        assertThat(run.common.become.become).isTrue();
        assertThat(run.common.output.verbosity()).isEqualTo(2);
        assertThat(run.common.output.json()).isTrue();
        assertThat(run.commandLine).isEqualTo("uptime");
    }

    /** The SSH settings a ping with {@code args} hands the transport factory (no host is contacted). */
    private static SshSettings settingsOf(Map<String, String> env, String... args) throws IOException {
        Path dir = Files.createTempDirectory("nodefix-options");
        Path inventory = Files.writeString(dir.resolve("hosts.ini"), "node1\n");
        AtomicReference<SshSettings> seen = new AtomicReference<>();
        CliRunner runner = new CliRunner().workingDir(dir).transports(settings -> {
            seen.set(settings);
            return host -> {
                throw new TransportException(host.name(), FailureClass.REFUSED, "not contacted in this test");
            };
        });
        env.forEach(runner::env);
        List<String> all = new ArrayList<>(List.of("ping", "-i", inventory.toString()));
        all.addAll(List.of(args));
        CliRunner.Result r = runner.run(all.toArray(String[]::new));
        assertThat(seen.get()).as(r.toString()).isNotNull();
        return seen.get();
    }

    @Test
    void handshakeLimitAndRetriesDefaultFromTheMachineAndAnsible() throws IOException {
        SshSettings defaults = settingsOf(Map.of());
        assertThat(defaults.handshakes())
                .isEqualTo(SshSettings.defaultHandshakes(Runtime.getRuntime().availableProcessors()));
        assertThat(defaults.connectRetries()).isEqualTo(2);

        assertThat(settingsOf(Map.of("ANSIBLE_SSH_RETRIES", "4")).connectRetries()).as("Ansible's retries").isEqualTo(4);
        SshSettings given = settingsOf(Map.of("ANSIBLE_SSH_RETRIES", "4"), "--handshakes", "3", "--connect-retries", "0");
        assertThat(given.handshakes()).isEqualTo(3);
        assertThat(given.connectRetries()).as("--connect-retries wins over Ansible's").isZero();
    }

    @Test
    void helpExplainsHandshakesApartFromForks() {
        CliRunner.Result r = new CliRunner().run("facts", "--help");

        assertThat(r.out()).contains("--handshakes=N", "--connect-retries=N", "[ssh_connection] retries");
    }

    @Test
    void usageErrorsExitOneWithAHint() {
        CliRunner.Result r = new CliRunner().run("run");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("run needs -a CMD (a shell command) or -m MODULE").contains("nodefix run --help");
    }

    @Test
    void inventoryNeedsListOrGraph() {
        CliRunner.Result r = new CliRunner().run("inventory");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--list").contains("--graph");
    }

    @Test
    void helpAnswersWhatTheCommandDoesAndItsExitCodes() {
        CliRunner.Result r = new CliRunner().run("ping", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("verify its host key", "--accept-new-host-keys", "--known-hosts", "Exit: 0");
    }

    @Test
    void limitHelpNamesRunsAndFiles() {
        CliRunner.Result r = new CliRunner().run("play", "--help");

        assertThat(r.out()).contains("-l, --limit=PATTERN", "@RUN: the hosts of that run", "@FILE: host");
    }

    @Test
    void noColourWhenNotATerminalOrNoColorIsSet() {
        OutputOptions options = new OutputOptions();

        assertThat(options.style(Map.of(), false)).isEqualTo(dev.nodefix.report.Style.PLAIN);
        assertThat(options.style(Map.of("NO_COLOR", "1"), true)).isEqualTo(dev.nodefix.report.Style.PLAIN);
        assertThat(options.style(Map.of("NO_COLOR", ""), true)).isEqualTo(dev.nodefix.report.Style.COLOR);
        assertThat(options.style(Map.of("TERM", "dumb"), true)).isEqualTo(dev.nodefix.report.Style.PLAIN);
        assertThat(options.style(Map.of(), true)).isEqualTo(dev.nodefix.report.Style.COLOR);
    }

    @Test
    void inventoryRefusesALimitInsteadOfIgnoringIt() {
        CliRunner.Result r = new CliRunner().run("inventory", "--list", "-i", "inventory/hosts.yaml", "-l", "server");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("-l/--limit selects hosts for ping and run");
    }

    @Test
    void badInventoryInputIsOneLineWithFileLineColumnAndExitOne() {
        CliRunner.Result r = new CliRunner().run("ping", "-i", "src/test/resources/inventory/errors/"
                + firstErrorCase());

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).matches("(?s)nodefix: error: src/test/resources/inventory/errors/[^:]+:\\d+:\\d+: .*")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String firstErrorCase() {
        java.io.File[] files = new java.io.File("src/test/resources/inventory/errors").listFiles();
        java.util.Arrays.sort(files);
        return files[0].getName();
    }
}
