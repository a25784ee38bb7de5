package dev.nodefix.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.query.FileState;
import dev.nodefix.query.LocalShell;
import dev.nodefix.query.Query;
import dev.nodefix.query.StateReader;
import dev.nodefix.transport.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileChange#command()} run for real by /bin/sh on temp files (owner and group are the current user's,
 * so it works as root and not), read back with the real state script; and its diff text.
 */
class FileChangeTest {
    @TempDir
    Path dir;
    private String owner;
    private String group;

    @BeforeEach
    void whoAmI() throws IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class);
        owner = a.owner().getName();
        group = a.group().getName();
    }

    @Test
    void neverCreatesAnUnplannedDirectory() {
        Path file = dir.resolve("etc/rancher/k3s/config.yaml");
        FileChange change = new FileChange(file.toString(), FileState.absent(), present("x\n", "0644"));
        CommandResult r = LocalShell.run(change.command());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("no directory " + file.getParent());
        assertThat(dir.resolve("etc")).doesNotExist();
    }

    @Test
    void directoryChangesCreateAndRemoveOnlyAnEmptyDirectory() throws IOException {
        Path d = dir.resolve("made");
        DirectoryChange create = new DirectoryChange(d.toString(), true);
        Change remove = create.inverse().orElseThrow();
        run(create);
        assertThat(d).isDirectory();
        Files.writeString(d.resolve("someone-elses"), "x");
        CommandResult refused = LocalShell.run(remove.command());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains(d + " is not empty: left in place");
        assertThat(d.resolve("someone-elses")).exists();
        Files.delete(d.resolve("someone-elses"));
        run(remove);
        assertThat(d).doesNotExist();
        run(remove);
    }

    @Test
    void createsTheFileInPlannedDirectoriesWithModeAndOwner() throws IOException {
        Path file = dir.resolve("etc/rancher/k3s/config.yaml");
        for (Path p : List.of(dir.resolve("etc"), dir.resolve("etc/rancher"), file.getParent())) {
            run(new DirectoryChange(p.toString(), true));
        }
        FileChange change = new FileChange(file.toString(), FileState.absent(), present("flannel-backend: host-gw\n", "0640"));
        run(change);
        assertThat(Files.readString(file)).isEqualTo("flannel-backend: host-gw\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(observe(file)).isEqualTo(change.after());
        assertThat(change.landing(observe(file))).isEqualTo(Landing.APPLIED);
        assertNoTempFiles(file.getParent());
    }

    @Test
    void setuidAndSetgidBitsSurviveTheWriteSoTheAfterImageIsWhatLands() {
        Path file = dir.resolve("helper");
        FileChange change = new FileChange(file.toString(), FileState.absent(), present("#!/bin/sh\n", "6755"));
        run(change);
        assertThat(observe(file)).isEqualTo(change.after());
        assertThat(change.landing(observe(file))).isEqualTo(Landing.APPLIED);
    }

    @Test
    void replacesAtomicallyByRenameLeavingNoTempFile() throws IOException {
        Path file = Files.writeString(dir.resolve("x.conf"), "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Object inodeBefore = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        FileState before = observe(file);
        FileChange change = new FileChange(file.toString(), before, present("new\n", "600"));
        assertThat(change.landing(before)).isEqualTo(Landing.NOT_APPLIED);

        run(change);
        assertThat(Files.readString(file)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        // a new inode renamed over the path, never the old file truncated and rewritten in place
        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isNotEqualTo(inodeBefore);
        assertNoTempFiles(dir);
    }

    @Test
    void removesTheFileAndTheInverseRestoresItByteForByte() throws IOException {
        byte[] bytes = {0, 1, (byte) 0xff, '\n', 'x'}; // binary, no final newline
        Path file = Files.write(dir.resolve("blob"), bytes);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        FileState before = observe(file);
        FileChange remove = new FileChange(file.toString(), before, FileState.absent());

        run(remove);
        assertThat(file).doesNotExist();
        assertThat(remove.landing(observe(file))).isEqualTo(Landing.APPLIED);

        run(remove.inverse().orElseThrow());
        assertThat(Files.readAllBytes(file)).containsExactly(bytes);
        assertThat(observe(file).sameAs(before)).isTrue();
        assertThat(remove.landing(observe(file))).isEqualTo(Landing.NOT_APPLIED);
    }

    @Test
    void inverseOfAReplaceRestoresContentAndMode() throws IOException {
        Path file = Files.writeString(dir.resolve("unit.service"), "[Service]\nExecStart=/bin/old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        FileState before = observe(file);
        FileChange change = new FileChange(file.toString(), before, present("[Service]\nExecStart=/bin/new\n", "755"));
        run(change);
        assertThat(observe(file)).isEqualTo(change.after());

        run(change.inverse().orElseThrow());
        assertThat(Files.readString(file)).isEqualTo("[Service]\nExecStart=/bin/old\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        assertThat(observe(file)).isEqualTo(before);
        assertNoTempFiles(dir);
    }

    @Test
    void aWriteThatCannotHappenFailsAndLeavesNoTempFile() throws IOException {
        Path file = Files.writeString(dir.resolve("x"), "keep\n");
        FileChange change = new FileChange(file.toString(), observe(file), new FileState.Present(
                "new\n".getBytes(StandardCharsets.UTF_8), "644", "no-such-user-nodefix", group));
        CommandResult r = LocalShell.run(change.command());
        assertThat(r.exitCode()).isNotZero();
        assertThat(Files.readString(file)).isEqualTo("keep\n");
        assertNoTempFiles(dir);
    }

    @Test
    void diffOfAnUpdateIsUnifiedWithABPaths() {
        FileChange change = new FileChange("/etc/x.conf", FileState.Present.text("a\nb\nc\n", "644", "root", "root"),
                FileState.Present.text("a\nB\nc\n", "644", "root", "root"));
        List<String> lines = change.diff().orElseThrow().lines().toList();
        assertThat(lines).startsWith("--- a/etc/x.conf", "+++ b/etc/x.conf");
        assertThat(lines.get(2)).startsWith("@@ -1,");
        assertThat(lines.subList(3, 7)).containsExactly(" a", "-b", "+B", " c");
        assertThat(lines).noneMatch(l -> l.startsWith("#")); // same mode and owner: no metadata line
    }

    @Test
    void diffOfACreateComesFromDevNull() {
        FileChange change = new FileChange("/etc/new", FileState.absent(), FileState.Present.text("one\ntwo\n", "600", "root", "root"));
        List<String> lines = change.diff().orElseThrow().lines().toList();
        assertThat(lines).startsWith("# /etc/new: absent -> mode 600, root:root", "--- /dev/null", "+++ b/etc/new");
        assertThat(lines).contains("+one", "+two");
        assertThat(change.describe()).startsWith("create /etc/new (600 root:root, 8 bytes, sha256 ");
    }

    @Test
    void diffOfARemoveGoesToDevNull() {
        FileChange change = new FileChange("/etc/old", FileState.Present.text("gone\n", "644", "root", "root"), FileState.absent());
        List<String> lines = change.diff().orElseThrow().lines().toList();
        assertThat(lines).startsWith("# /etc/old: mode 644, root:root -> absent", "--- a/etc/old", "+++ /dev/null");
        assertThat(lines).contains("-gone");
    }

    @Test
    void modeAndOwnerChangesAreShownEvenWithTheSameContent() {
        FileChange change = new FileChange("/etc/x", FileState.Present.text("same\n", "644", "root", "root"),
                FileState.Present.text("same\n", "0600", "k3s", "root"));
        assertThat(change.diff().orElseThrow()).isEqualTo("# /etc/x: mode 644, root:root -> mode 600, k3s:root");
    }

    @Test
    void binaryContentIsNotDiffedLineByLine() {
        FileChange change = new FileChange("/b", new FileState.Present(new byte[] {(byte) 0xff}, "644", "root", "root"),
                new FileState.Present(new byte[] {(byte) 0xfe}, "644", "root", "root"));
        assertThat(change.diff().orElseThrow()).isEqualTo("# binary content differs");
    }

    private FileState.Present present(String text, String mode) {
        return FileState.Present.text(text, mode, owner, group);
    }

    private static void run(Change change) {
        CommandResult r = LocalShell.run(change.command());
        assertThat(r.exitCode()).as(change.describe() + ": " + r.stderr()).isZero();
    }

    private static FileState observe(Path file) {
        Query.File q = new Query.File(file.toString());
        return (FileState) StateReader.parse(List.of(q), LocalShell.run(StateReader.command(List.of(q)))).get(q);
    }

    private static void assertNoTempFiles(Path in) throws IOException {
        try (Stream<Path> files = Files.list(in)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".nodefix."));
        }
    }
}
