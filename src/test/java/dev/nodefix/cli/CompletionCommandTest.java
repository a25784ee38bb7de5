package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.report.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code nodefix completion bash|zsh}, the bash script run by a real bash as its completion would run it. */
class CompletionCommandTest {
    @TempDir
    static Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nodefix pi              | ping
            nodefix ro              | rollback
            nodefix run --lim       | --limit
            nodefix diagnose --kee  | --keep-offload
            nodefix completion z    | zsh
            nodefix mod             | modules
            """)
    void bashCompletesCommandsAndOptions(String line, String expected) throws Exception {
        Path script = tmp.resolve("nodefix.bash");
        if (!Files.exists(script)) {
            CliRunner.Result r = new CliRunner().run("completion", "bash");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            Files.writeString(script, r.out());
        }

        assertThat(complete(script, line)).isEqualTo(expected);
    }

    @Test
    void zshGetsTheSameScriptWhichTurnsOnBashcompinit() {
        CliRunner.Result zsh = new CliRunner().run("completion", "zsh");
        CliRunner.Result bash = new CliRunner().run("completion", "bash");

        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out()).startsWith("# zsh: load with `source <(nodefix completion zsh)`").endsWith(bash.out())
                .contains("autoload -U +X bashcompinit && bashcompinit");
    }

    @Test
    void anotherShellIsAUsageError() {
        CliRunner.Result r = new CliRunner().run("completion", "fish");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("expected one of [bash, zsh]");
    }

    /** What bash's programmable completion offers for the last word of {@code line}, space-separated. */
    private static String complete(Path script, String line) throws IOException, InterruptedException {
        String words = line.replace("'", "");
        String program = "source '" + script + "' 2>/dev/null\n"
                + "COMP_LINE='" + words + "'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(" + words + ");"
                + " COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "_complete_nodefix 2>/dev/null\n"
                + "echo \"${COMPREPLY[*]}\"\n";
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", program).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
