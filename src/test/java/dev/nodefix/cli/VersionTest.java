package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code --version}: version, commit and build date, from the properties the build writes. */
class VersionTest {
    @Test
    void printsVersionCommitAndBuildDateOfThisBuild() {
        CliRunner.Result r = new CliRunner().run("--version");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).matches("nodefix \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"
                + "commit  ([0-9a-f]{12}( \\(with uncommitted changes\\))?|unknown)\n"
                + "built   \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n");
    }

    @Test
    void saysWhatTheBuildCouldNotTell() {
        assertThat(Version.lines(new Properties())).containsExactly("nodefix unknown", "commit  unknown",
                "built   unknown");
    }

    @Test
    void marksABuildFromUncommittedChanges() {
        Properties build = new Properties();
        build.setProperty("version", "1.2.3");
        build.setProperty("commit", "0123456789ab");
        build.setProperty("dirty", "true");
        build.setProperty("built", "2026-12-02T16:00:00Z");

        assertThat(Version.lines(build)).containsExactly("nodefix 1.2.3",
                "commit  0123456789ab (with uncommitted changes)", "built   2026-12-02T16:00:00Z");
    }
}
