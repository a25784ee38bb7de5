package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.report.ExitCode;
import dev.nodefix.transport.FailureClass;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that could not reach a host, then {@code --limit @RUN}: the recap's retry hint, and the retry that contacts
 * only that host; over scripted transports and a run store in a temp dir.
 */
class RetryLimitTest {
    private static final String INV = "src/test/resources/cli/three-hosts.yaml";
    private static final String ETHTOOL_ON = "@@nodefix-q 0\nFeatures for flannel.1:\ntx-checksumming: on\n"
            + "\ttx-checksum-ip-generic: on\n\n@@nodefix-rc 0 0\n";
    private static final String ARGS = "iface=flannel.1 features.tx-checksum-ip-generic=off";

    @TempDir Path state;

    private int minute;

    /** Each command a minute after the one before: {@code @last} is the newest run. */
    private CliRunner.Result run(ScriptedTransports hosts, String... args) {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-25T10:00:00Z")
                .plusSeconds(60L * minute++), java.time.ZoneOffset.UTC);
        return new CliRunner().transports(settings -> hosts).env("XDG_STATE_HOME", state.toString()).clock(clock)
                .run(args);
    }

    private static ScriptedTransports answering(String... names) {
        ScriptedTransports hosts = new ScriptedTransports();
        for (String n : names) {
            hosts.answer(n, 0, ETHTOOL_ON, "");
        }
        return hosts;
    }

    private static String runId(String out) {
        Matcher m = Pattern.compile("(?m)^RUN (\\S+)$").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    @Test
    void anUnreachableHostIsRetriedAloneWithLimitAtRun() {
        ScriptedTransports first = answering("srv1", "agt1").refuse("agt2", FailureClass.REFUSED);

        CliRunner.Result r = run(first, "run", "-i", INV, "-l", "all", "-m", "ethtool", "-a", ARGS, "--yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOST_UNREACHABLE);
        String id = runId(r.out());
        assertThat(r.out()).contains("retry the 1 host(s) that did not finish: nodefix run -i " + INV + " -m ethtool -a '"
                + ARGS + "' --yes --limit @" + id + "\n");

        ScriptedTransports second = answering("srv1", "agt1", "agt2");
        CliRunner.Result retry = run(second, "run", "-i", INV, "-m", "ethtool", "-a", ARGS, "--yes", "--limit", "@" + id);

        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        assertThat(second.commandsSeen).isNotEmpty().allMatch(c -> c.startsWith("agt2: "));
        assertThat(second.commandsSeen).anyMatch(c -> c.endsWith("ethtool -K flannel.1 tx-checksum-ip-generic off"));
        assertThat(retry.out()).contains("  changed: [agt2]").doesNotContain("retry the");

        CliRunner.Result again = run(answering("srv1", "agt1", "agt2"), "run", "-i", INV, "-m", "ethtool", "-a", ARGS,
                "--yes", "--limit", "@last");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).contains("nodefix: error: run " + runId(retry.out())
                + ": every host ended ok; nothing to retry");
    }

    @Test
    void jsonCarriesTheHostsToRetryAndTheCommand() {
        ScriptedTransports hosts = answering("srv1", "agt1").refuse("agt2", FailureClass.REFUSED);

        CliRunner.Result r = run(hosts, "run", "-i", INV, "-m", "ethtool", "-a", ARGS, "--yes", "--json");

        String id = runId(r.err());
        assertThat(r.out()).contains("\"retry\" : {", "\"hosts\" : [ \"agt2\" ]",
                "\"command\" : \"nodefix run -i " + INV + " -m ethtool -a '" + ARGS + "' --yes --json --limit @" + id + "\"");
        new dev.nodefix.report.JsonSchemas().assertValid("run", r.out());
    }

    @Test
    void anUnknownRunIsNamedWithHowToListRuns() {
        CliRunner.Result r = run(answering("srv1"), "run", "-i", INV, "-a", "true", "--limit", "@20261125T100000Z-abcd");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--limit @20261125T100000Z-abcd: no run 20261125T100000Z-abcd in the run store "
                + state.resolve("nodefix/runs") + "; `nodefix runs` lists the runs");
    }
}
