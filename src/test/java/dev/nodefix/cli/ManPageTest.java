package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.app.HelpFiles;
import dev.nodefix.app.Nodefix;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The man pages made from the command model: what they hold, and that groff reads them without a warning. */
class ManPageTest {
    @Test
    void aCommandsPageHoldsItsSummaryDescriptionExamplesAndEveryOption() {
        CommandLine run = tree().getSubcommands().get("run");
        String roff = ManPage.roff(run.getCommandSpec(), "nodefix 1.2.3");

        assertThat(roff).startsWith(".TH NODEFIX\\-RUN 1 \"\" \"nodefix 1.2.3\" \"nodefix manual\"\n")
                .contains(".SH NAME\nnodefix\\-run \\- Run a shell command, or apply one module (\\-m), on the selected"
                        + " hosts in parallel\n")
                .contains(".nf\nnodefix run \\-a 'ethtool \\-k flannel.1 | grep checksum' \\-l agent\n"
                        + "nodefix run \\-m ethtool \\-\\-diff \\e\n    \\-a 'iface=flannel.1"
                        + " features.tx\\-checksum\\-ip\\-generic=off'\n.fi");
        for (CommandLine.Model.OptionSpec o : run.getCommandSpec().options()) {
            assertThat(roff).contains("\\fB" + ManPage.escape(o.longestName()) + "\\fR");
        }
        assertThat(ManPage.fileName(run.getCommandSpec())).isEqualTo("nodefix-run.1");
    }

    @Test
    void theMainPageListsTheCommandsAndPointsAtTheirPages() {
        String roff = ManPage.roff(tree().getCommandSpec(), "nodefix 1.2.3");

        assertThat(roff).contains(".SH COMMANDS", ".TP\n\\fBrollback\\fR\nUndo what a run changed", ".SH NOTES",
                "\\fBnodefix\\-rollback\\fR(1)").doesNotContain("nodefix\\-help(1)");
    }

    @Test
    void everyPageWrittenRendersWithoutGroffWarnings(@TempDir Path out) throws Exception {
        List<Path> files = HelpFiles.write(out, "1.2.3");

        assertThat(out.resolve("man/nodefix.1")).exists();
        assertThat(out.resolve("man/nodefix-diagnose.1")).exists();
        assertThat(out.resolve("completion/nodefix.bash")).exists();
        for (Path page : files.stream().filter(f -> f.toString().endsWith(".1")).toList()) {
            Process p = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-z", page.toString())
                    .redirectErrorStream(true).start();
            String warnings = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(warnings).as(page.toString()).isEmpty();
            assertThat(p.exitValue()).isZero();
        }
        assertThat(Files.readString(out.resolve("man/nodefix-play.1"))).contains(".SH OPTIONS", "\\fB\\-\\-check\\fR");
    }

    private static CommandLine tree() {
        return Nodefix.cli(new CliRunner().context()).commandLine();
    }
}
