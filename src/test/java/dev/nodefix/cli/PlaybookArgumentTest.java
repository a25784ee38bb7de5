package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.report.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

/** {@code play PLAYBOOK}: a file that exists wins; else a shipped playbook by name, run from the user's cache. */
class PlaybookArgumentTest {
    @TempDir Path tmp;

    private PlaybookArgument argument() {
        return new PlaybookArgument(new CliRunner().env("XDG_CACHE_HOME", tmp.resolve("cache").toString()).context());
    }

    @Test
    void aShippedNameIsWrittenToTheCacheAndRunFromThere() throws IOException {
        Path file = argument().convert("fix-vxlan-checksum");

        assertThat(file).isEqualTo(tmp.resolve("cache/nodefix/playbooks/fix-vxlan-checksum.yaml"));
        assertThat(file).hasSameTextualContentAs(Path.of("playbooks/fix-vxlan-checksum.yaml"));
        assertThat(argument().convert("fix-vxlan-checksum.yaml")).isEqualTo(file);
    }

    @Test
    void aStaleCachedCopyIsRewritten() throws IOException {
        Path file = argument().convert("diagnose");
        Files.writeString(file, "- hosts: all\n  tasks: []\n");

        assertThat(argument().convert("diagnose")).isEqualTo(file).hasSameTextualContentAs(Path.of("playbooks/diagnose.yaml"));
    }

    @Test
    void withoutXdgCacheHomeTheCacheIsUnderHome() {
        Path home = tmp.resolve("home");
        PlaybookArgument arg = new PlaybookArgument(new CliRunner().home(home).context());

        assertThat(arg.convert("diagnose")).isEqualTo(home.resolve(".cache/nodefix/playbooks/diagnose.yaml"));
    }

    @Test
    void aFileThatExistsWinsOverTheShippedOneOfTheSameName() throws IOException {
        Path own = Files.writeString(tmp.resolve("fix-vxlan-checksum"), "- hosts: all\n  tasks: []\n");

        assertThat(argument().convert(own.toString())).isEqualTo(own);
        assertThat(argument().convert("playbooks/fix-vxlan-checksum.yaml")).isEqualTo(Path.of("playbooks/fix-vxlan-checksum.yaml"));
        assertThat(tmp.resolve("cache")).doesNotExist();
    }

    @Test
    void aMissingPathToAShippedPlaybookSaysItsName() {
        assertThatThrownBy(() -> argument().convert(tmp.resolve("playbooks/fix-vxlan-checksum.yaml").toString()))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageEndingWith("nodefix ships a playbook of that name: nodefix play fix-vxlan-checksum");
    }

    @Test
    void anUnknownNameListsTheShippedOnesAndAnOtherMissingPathIsTheLoadersToReport() {
        assertThatThrownBy(() -> argument().convert("fix-vxlan"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("no file fix-vxlan and no playbook of that name ships with nodefix")
                .hasMessageContaining("diagnose, fix-vxlan-checksum, switch-backend-host-gw");
        Path missing = tmp.resolve("elsewhere/mine.yaml");
        assertThat(argument().convert(missing.toString())).isEqualTo(missing);
    }

    @Test
    void playRunsAShippedPlaybookByNameFromAnyDirectory() {
        CliRunner.Result r = new CliRunner().env("XDG_CACHE_HOME", tmp.resolve("cache").toString()).workingDir(tmp)
                .run("play", "fix-vxlan-checksum", "--syntax-check");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("fix-vxlan-checksum.yaml");

        CliRunner.Result unknown = new CliRunner().run("play", "no-such-playbook", "--syntax-check");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("no playbook of that name ships with nodefix");
    }
}
