package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.transport.FailureClass;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run -m}: plan, confirmation, journaled apply and exit codes, over scripted transports. */
class RunModuleTest {
    private static final String INV = "src/test/resources/cli/three-hosts.yaml";
    private static final String ETHTOOL_ON = "@@nodefix-q 0\nFeatures for flannel.1:\ntx-checksumming: on\n"
            + "\ttx-checksum-ip-generic: on\n\n@@nodefix-rc 0 0\n";
    private static final String ARGS = "iface=flannel.1 features.tx-checksum-ip-generic=off";

    @TempDir Path state;

    private CliRunner.Result run(ScriptedTransports hosts, String... args) {
        return new CliRunner().transports(settings -> hosts).env("XDG_STATE_HOME", state.toString()).run(args);
    }

    private static ScriptedTransports allOn() {
        return new ScriptedTransports().answer("srv1", 0, ETHTOOL_ON, "").answer("agt1", 0, ETHTOOL_ON, "")
                .answer("agt2", 0, ETHTOOL_ON, "");
    }

    @Test
    void checkShowsThePlanAndChangesNothing() {
        ScriptedTransports hosts = allOn();

        CliRunner.Result r = run(hosts, "run", "-i", INV, "-m", "ethtool", "-a", ARGS, "--check", "--diff");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("  srv1  change  flannel.1: tx-checksum-ip-generic on -> off",
                "      +flannel.1 tx-checksum-ip-generic: off", "check: 3 change(s) on 3 host(s) would be made; nothing changed");
        assertThat(hosts.commandsSeen).noneMatch(c -> c.contains("nodefix-journal") || c.contains("nodefix-lock"));
    }

    @Test
    void withoutATerminalAndWithoutYesNothingChanges() {
        ScriptedTransports hosts = allOn();

        CliRunner.Result r = run(hosts, "run", "-i", INV, "-m", "ethtool", "-a", ARGS);

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("nothing changed", "pass --yes");
        assertThat(hosts.commandsSeen).noneMatch(c -> c.contains("nodefix-journal"));
        assertThat(state.resolve("nodefix/runs")).doesNotExist();
    }

    @Test
    void yesAppliesEachChangeJournaledAndRecordsTheRun() {
        ScriptedTransports hosts = allOn();

        CliRunner.Result r = run(hosts, "run", "-i", INV, "-m", "ethtool", "-a", ARGS, "--yes");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(hosts.commandsSeen.stream().filter(c -> c.contains("nodefix-journal")))
                .hasSize(3).allMatch(c -> c.endsWith("ethtool -K flannel.1 tx-checksum-ip-generic off"));
        assertThat(hosts.commandsSeen.stream().filter(c -> c.contains("nodefix-lock"))).hasSize(3);
        assertThat(hosts.commandsSeen.stream().filter(c -> c.contains("nodefix-unlock"))).hasSize(3);
        assertThat(r.out()).contains("RECAP", "  agt1  changed  changes=1", "undo it with: nodefix rollback ");
        CliRunner.Result runs = run(hosts, "runs");
        assertThat(runs.out()).contains("apply", "ethtool " + ARGS).contains("    3       3      0  no");
    }

    @Test
    void anUnreachableHostIsReportedAndTheOthersStillPlan() {
        ScriptedTransports hosts = allOn().refuse("agt2", FailureClass.REFUSED);

        CliRunner.Result r = run(hosts, "run", "-i", INV, "-m", "ethtool", "-a", ARGS, "--check");

        assertThat(r.exitCode()).isEqualTo(ExitCode.HOST_UNREACHABLE);
        assertThat(r.out()).contains("  agt2  unreachable").contains("  srv1  change");
    }

    @Test
    void unknownModulesAndBadArgumentsAreInputErrorsBeforeAnyHostIsTouched() {
        ScriptedTransports hosts = allOn();

        CliRunner.Result unknown = run(hosts, "run", "-i", INV, "-m", "ethtol", "-a", ARGS);
        CliRunner.Result bad = run(hosts, "run", "-i", INV, "-m", "ethtool", "-a", "iface=flannel.1 features.tso=maybe");
        CliRunner.Result missing = run(hosts, "run", "-i", INV, "-m", "file", "-a", "content=x");

        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("no such module (did you mean 'ethtool'?)");
        assertThat(bad.err()).contains("features.tso: expected on or off, got 'maybe'");
        assertThat(missing.err()).contains("file: path: required argument is missing");
        assertThat(hosts.commandsSeen).isEmpty();
    }
}
