package dev.nodefix.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.cli.Cli;
import dev.nodefix.cli.CliRunner;
import dev.nodefix.cli.Services;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The composition root: the shell is its command, and the services are built once from the environment. */
class NodefixTest {
    private static final Path HOME = Path.of("/home/op");

    @Test
    void theShellIsRegisteredHereBeforeHelpAndTheCliAloneHasNoShell() {
        var ctx = new CliRunner().context();

        assertThat(Nodefix.cli(ctx).commandLine().getSubcommands().keySet()).containsSubsequence("unlock", "shell", "help");
        assertThat(new Cli(ctx, List.of()).commandLine().getSubcommands()).containsKey("help").doesNotContainKey("shell");
    }

    @Test
    void theStoresLiveUnderXdgStateHomeElseTheHomesLocalState() {
        Services xdg = Nodefix.services(Map.of("XDG_STATE_HOME", "/var/state"), HOME);
        Services plain = Nodefix.services(Map.of(), HOME);

        assertThat(xdg.runs().dir()).isEqualTo(Path.of("/var/state/nodefix/runs"));
        assertThat(xdg.udpCsum().file()).isEqualTo(Path.of("/var/state/nodefix/udp-csum.json"));
        assertThat(plain.runs().dir()).isEqualTo(HOME.resolve(".local/state/nodefix/runs"));
    }

    @Test
    void aShellLineAndANestedCommandKeepTheServicesTheyWereHanded() {
        var ctx = new CliRunner().context();

        assertThat(ctx.withTerminal(ctx.out(), ctx.err(), true, q -> true).services()).isSameAs(ctx.services());
        assertThat(ctx.withOut(ctx.out()).services()).isSameAs(ctx.services());
    }
}
