package dev.nodefix.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.cli.CliRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nodefix shell} reads the operator's whole setup as its commands do (shell/setup/: an inventory directory
 * with group_vars, and a home whose ~/.ssh/config sets srv1's HostName, User and Port), and reads it again when a
 * file inside the inventory directory changes.
 */
class ShellSetupTest {
    private static final Path FIXTURE = Path.of("src/test/resources/shell/setup");

    @TempDir Path dir;
    private Path inventory;
    private Path home;

    @BeforeEach
    void copyFixture() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path from : files.toList()) {
                Path to = dir.resolve(FIXTURE.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        inventory = dir.resolve("inventory");
        home = dir.resolve("home");
    }

    private CliRunner cli() {
        return new CliRunner().home(home).workingDir(dir).env("XDG_STATE_HOME", dir.resolve("state").toString())
                .env("USER", "tester");
    }

    /** The shell over a script whose lines are read one at a time, {@code edit} run before the line at {@code at}. */
    private CliRunner.Result shell(List<String> lines, int at, Runnable edit) {
        InputStream stdin = System.in;
        System.setIn(new LineByLine(lines, at, edit));
        try {
            return cli().run("shell", "-i", inventory.toString());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void listShowsTheAddressUserAndPortTheSshConfigGivesAsTheCommandsUseThem() {
        CliRunner.Result r = shell(List.of("list srv1"), -1, () -> { });

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("srv1  192.0.2.50:2222  sshuser  server");
        CliRunner.Result explain = cli().run("inventory", "-i", inventory.toString(), "--host", "srv1", "--explain");
        assertThat(explain.out()).as(explain.toString()).contains("192.0.2.50", "sshuser", "2222");
    }

    @Test
    void anEditedGroupVarsFileInTheInventoryDirectoryIsReadAgain() {
        CliRunner.Result r = shell(List.of("list agt1", "list agt1"), 1,
                () -> replace(inventory.resolve("group_vars/agent.yaml"), "agent-edited.yaml"));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).containsSubsequence("agt1  192.0.2.11  before  agent", "agt1  192.0.2.11:2201  after  agent");
    }

    @Test
    void anEditedSshConfigIsReadAgain() {
        CliRunner.Result r = shell(List.of("list srv1", "list srv1"), 1,
                () -> replace(home.resolve(".ssh/config"), "ssh-config-edited"));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).containsSubsequence("srv1  192.0.2.50:2222  sshuser  server", "srv1  192.0.2.60  other  server");
    }

    /** {@code file} now holds the fixture {@code with}, written two seconds later than it was. */
    private static void replace(Path file, String with) {
        try {
            FileTime before = Files.getLastModifiedTime(file);
            Files.copy(FIXTURE.resolve(with), file, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** stdin that gives one line per read, so the shell has handled each line before the next is read. */
    private static final class LineByLine extends InputStream {
        private final Deque<String> lines;
        private final int at;
        private final Runnable edit;
        private int given;

        LineByLine(List<String> lines, int at, Runnable edit) {
            this.lines = new ArrayDeque<>(lines);
            this.at = at;
            this.edit = edit;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("read by lines");
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (lines.isEmpty()) {
                return -1;
            }
            if (given++ == at) {
                edit.run();
            }
            byte[] line = (lines.pop() + "\n").getBytes(StandardCharsets.UTF_8);
            System.arraycopy(line, 0, b, off, line.length);
            return line.length;
        }
    }
}
