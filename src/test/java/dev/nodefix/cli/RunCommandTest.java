package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.report.ExitCode;
import dev.nodefix.transport.FailureClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exit codes, output layout and become wiring of {@code ping}/{@code run}, over scripted transports. */
class RunCommandTest {
    private static final String INV = "src/test/resources/cli/three-hosts.yaml";

    private static CliRunner.Result run(ScriptedTransports hosts, String... args) {
        return new CliRunner().transports(settings -> hosts).run(args);
    }

    @Test
    void allOkExitsZeroAndGroupsOutputByHostInInventoryOrder() {
        ScriptedTransports hosts = new ScriptedTransports()
                .answer("srv1", 0, "5.15.0\n", "")
                .answer("agt1", 0, "6.1.0\n", "warn\n")
                .answer("agt2", 0, "6.1.0\n", "");

        CliRunner.Result r = run(hosts, "run", "-i", INV, "-a", "uname -r");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                srv1 | ok | rc=0 >>
                5.15.0
                agt1 | ok | rc=0 >>
                6.1.0
                stderr| warn
                agt2 | ok | rc=0 >>
                6.1.0
                3 hosts: 3 ok, 0 failed, 0 unreachable in 0.00s
                """);
    }

    @Test
    void aFailedCommandWinsOverAnUnreachableHost() {
        ScriptedTransports hosts = new ScriptedTransports()
                .answer("srv1", 3, "", "boom\n")
                .refuse("agt1", FailureClass.REFUSED);

        CliRunner.Result r = run(hosts, "run", "-i", INV, "-a", "false");

        assertThat(r.exitCode()).isEqualTo(ExitCode.HOST_FAILED);
        assertThat(r.out()).contains("srv1 | FAILED | rc=3 >>\nstderr| boom\n")
                .contains("agt1 | UNREACHABLE | connection refused")
                .contains("1 ok, 1 failed, 1 unreachable");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--check", "--diff", "--yes"})
    void aShellCommandCannotBePlannedSoPlanOptionsAreRefused(String option) {
        ScriptedTransports hosts = new ScriptedTransports();

        CliRunner.Result r = run(hosts, "run", "-i", INV, "-a", "reboot", option);

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("a shell command cannot be planned");
        assertThat(hosts.commandsSeen).isEmpty();
    }

    @Test
    void onlyUnreachableExitsFour() {
        ScriptedTransports hosts = new ScriptedTransports().refuse("agt2", FailureClass.HOST_KEY_CHANGED);

        CliRunner.Result r = run(hosts, "ping", "-i", INV);

        assertThat(r.exitCode()).isEqualTo(ExitCode.HOST_UNREACHABLE);
        assertThat(r.out()).contains("srv1 | pong", "agt1 | pong", "agt2 | UNREACHABLE | host key CHANGED");
    }

    @Test
    void becomeFromTheInventoryQuotesTheUserOnce() {
        ScriptedTransports hosts = new ScriptedTransports();

        run(hosts, "run", "-i", INV, "-l", "agt2", "-a", "id -un");

        assertThat(hosts.commandsSeen).containsExactly("agt2: sudo -n -u 'deploy; rm -rf /' -- id -un");
    }

    @Test
    void becomeFromTheCommandLineAppliesToEveryHost() {
        ScriptedTransports hosts = new ScriptedTransports();

        run(hosts, "run", "-i", INV, "-l", "server", "-b", "--become-user", "k3s", "-a", "id | cat");

        assertThat(hosts.commandsSeen).containsExactly("srv1: sudo -n -u k3s -- /bin/sh -c 'id | cat'");
    }

    @Test
    void jsonOutputIsStructuredPerHost() {
        ScriptedTransports hosts = new ScriptedTransports().refuse("srv1", FailureClass.AUTH);

        CliRunner.Result r = run(hosts, "ping", "-i", INV, "--json");

        assertThat(r.out()).contains("\"srv1\" : {", "\"status\" : \"unreachable\"", "\"failure\" : \"auth\"",
                "\"unreachable\" : 1");
    }
}
