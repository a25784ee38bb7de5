package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nodefix unlock} over scripted transports: which hosts its removal reaches. */
class UnlockCommandTest {
    private static final String INV = "src/test/resources/cli/ipv6-hosts.yaml";
    private static final String HOLDER = "20261125T201503Z-3f9a started 2026-11-25T20:15:03Z by ops@ctl pid 4242";

    @TempDir Path state;

    @Test
    void hostsNamedByIpv6AddressesAreUnlockedEachByItsWholeName() {
        ScriptedTransports hosts = new ScriptedTransports()
                .answer("2001:db8::11", 0, "lock " + HOLDER + "\n", "")
                .answer("2001:db8::12", 0, "lock " + HOLDER + "\n", "")
                .answer("2001:db8::13", 0, "lock " + HOLDER + "\n", "");

        CliRunner.Result r = new CliRunner().transports(settings -> hosts).env("XDG_STATE_HOME", state.toString())
                .run("unlock", "-i", INV, "-l", "nodes", "--force");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("2001:db8::11  unlocked").contains("2001:db8::12  unlocked")
                .doesNotContain("2001:db8::13");
        assertThat(hosts.commandsSeen).filteredOn(c -> c.contains("nodefix-unlock")).hasSize(2);
    }
}
