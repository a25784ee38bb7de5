package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.report.ExitCode;
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
        assertThat(r.out()).contains("  change: [srv1]  flannel.1: tx-checksum-ip-generic on -> off",
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
        assertThat(r.out()).contains("PLAY RECAP", "agt1  ok=1    changed=1", "undo it with: nodefix rollback ");
        CliRunner.Result runs = run(hosts, "runs");
        assertThat(runs.out()).contains("apply", "ethtool " + ARGS).contains("    3       3      0  no");
    }

    @Test
    void anUnreachableHostIsReportedAndTheOthersStillPlan() {
        ScriptedTransports hosts = allOn().refuse("agt2", FailureClass.REFUSED);

        CliRunner.Result r = run(hosts, "run", "-i", INV, "-m", "ethtool", "-a", ARGS, "--check");

        assertThat(r.exitCode()).isEqualTo(ExitCode.HOST_UNREACHABLE);
        assertThat(r.out()).contains("  unreachable: [agt2]").contains("  change: [srv1]");
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

    @Test
    void rollbackWithALimitPlansOnlyThoseHostsAndSkipsWhatIsNoLongerInPlace() {
        ScriptedTransports hosts = allOn();
        CliRunner.Result applied = run(hosts, "run", "-i", INV, "-m", "ethtool", "-a", ARGS, "--yes");
        String id = applied.out().lines().filter(l -> l.startsWith("RUN ")).findFirst().orElseThrow().substring(4);

        CliRunner.Result r = run(hosts, "rollback", id, "-i", INV, "-l", "srv1", "--check");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("PLAN rollback " + id, "  ok: [srv1]",
                "skip: flannel.1: tx-checksum-ip-generic on -> off (already undone").doesNotContain("agt1", "agt2");
    }

    @Test
    void rollbackNeedsARunOrLast() {
        CliRunner.Result none = run(allOn(), "rollback", "-i", INV);
        CliRunner.Result unknown = run(allOn(), "rollback", "--last", "-i", INV);

        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("give a RUN id or --last");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("no run recorded in");
    }

    @Test
    void aCommandsUndoRunsOnceHoweverOftenTheRunIsRolledBack() {
        ScriptedTransports hosts = allOn();
        CliRunner.Result applied = run(hosts, "run", "-i", INV, "-l", "srv1", "-m", "command", "-a",
                "cmd='touch /x' undo='rm -f /x'", "--yes");
        String id = runIdOf(applied);

        CliRunner.Result first = run(hosts, "rollback", id, "-i", INV, "--yes");
        CliRunner.Result second = run(hosts, "rollback", id, "-i", INV, "--yes");

        assertThat(first.out()).as(first.toString()).contains("changed: [srv1]  run: rm -f /x");
        assertThat(second.out()).as(second.toString()).contains("undone already by rollback " + runIdOf(first))
                .contains("nothing to change");
        assertThat(hosts.commandsSeen.stream().filter(c -> c.contains("nodefix-journal") && c.endsWith(" rm -f /x"))).hasSize(1);
    }

    @Test
    void whenTheControllerNeverHeardTheEndOfAChangeTheNodesJournalDecides() throws Exception {
        dev.nodefix.journal.RunStore store = new dev.nodefix.journal.RunStore(state.resolve("nodefix/runs"));
        String id = "20260101T000000Z-0001";
        java.time.Instant at = java.time.Instant.parse("2026-01-01T00:00:00Z");
        dev.nodefix.journal.Entry.Intent intent = new dev.nodefix.journal.Entry.Intent(1, 1, "cmd",
                new dev.nodefix.change.CommandChange("touch /x", java.util.Optional.of("rm -f /x")), java.util.Optional.empty());
        try (dev.nodefix.journal.RunJournal journal = store.create(new dev.nodefix.journal.RunMeta(id,
                dev.nodefix.journal.RunKind.APPLY, java.util.Optional.empty(), at, "command", java.util.List.of("srv1"),
                java.util.Optional.empty()))) {
            journal.append("srv1", new dev.nodefix.journal.Entry.Started(id, dev.nodefix.journal.RunKind.APPLY,
                    java.util.Optional.empty(), at));
            journal.append("srv1", intent); // the connection dropped here: no done on this side
        }
        String nodeJournal = dev.nodefix.journal.EntryCodec.line(java.util.Optional.empty(), intent)
                + "\n{\"phase\":\"done\",\"seq\":1}\n";
        ScriptedTransports hosts = new ScriptedTransports().answer("srv1", 0, nodeJournal, "");

        CliRunner.Result r = run(hosts, "rollback", id, "-i", INV, "--check");

        assertThat(r.out()).as(r.toString()).contains("  change: [srv1]  run: rm -f /x");
    }

    private static String runIdOf(CliRunner.Result r) {
        return r.out().lines().filter(l -> l.startsWith("RUN ")).findFirst().orElseThrow().substring(4);
    }
}
