package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.report.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code nodefix playbooks [show NAME]}: the listing against {@code cli/playbooks/list.txt}
 * ({@code -Dnodefix.updateGolden=true} rewrites it), and each playbook printed as the repository has it.
 */
class PlaybooksCommandTest {
    private static final Path GOLDEN = Path.of("src/test/resources/cli/playbooks/list.txt");

    @Test
    void listsTheShippedPlaybooksWithWhatEachDoes() throws IOException {
        CliRunner.Result r = new CliRunner().run("playbooks");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        if (Boolean.getBoolean("nodefix.updateGolden")) {
            Files.writeString(GOLDEN, r.out(), StandardCharsets.UTF_8);
        }
        assertThat(r.out()).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void showPrintsOnePlaybookAsShipped() throws IOException {
        CliRunner.Result r = new CliRunner().run("playbooks", "show", "fix-vxlan-checksum");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(Path.of("playbooks/fix-vxlan-checksum.yaml")));
        assertThat(new CliRunner().run("playbooks", "show", "diagnose.yaml").out())
                .isEqualTo(Files.readString(Path.of("playbooks/diagnose.yaml")));
    }

    @Test
    void showOfAnUnknownNameNamesTheShippedOnes() {
        CliRunner.Result r = new CliRunner().run("playbooks", "show", "fix-vxlan");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no playbook named fix-vxlan ships with nodefix")
                .contains("diagnose, fix-vxlan-checksum, switch-backend-host-gw");
    }
}
