package dev.nodefix.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The framed state script run for real by /bin/sh against temp files, and the parsers of ethtool and systemctl text. */
class StateReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsSeveralFilesInOneScript() throws Exception {
        Path text = Files.writeString(dir.resolve("config.yaml"), "flannel-backend: vxlan\n# it's \"quoted\"\n");
        Files.setPosixFilePermissions(text, PosixFilePermissions.fromString("rw-------"));
        byte[] binary = {0, (byte) 0xff, '\n', '@', '@', 'x', '\n'};
        Path blob = Files.write(dir.resolve("odd name with 'quotes'"), binary);
        Files.setPosixFilePermissions(blob, PosixFilePermissions.fromString("rwxr-x---"));
        Path empty = Files.createFile(dir.resolve("empty"));
        Path missing = dir.resolve("missing");
        List<Query.File> queries = List.of(new Query.File(text.toString()), new Query.File(blob.toString()),
                new Query.File(missing.toString()), new Query.File(empty.toString()));
        CommandResult result = run(StateReader.command(queries));
        assertThat(result.exitCode()).as(result.stderr()).isZero();

        Map<Query, Object> values = StateReader.parse(queries, result);
        assertThat(values.keySet()).containsExactlyElementsOf(queries);
        PosixFileAttributes a = Files.readAttributes(text, PosixFileAttributes.class);
        String owner = a.owner().getName();
        String group = a.group().getName();
        assertThat(values.get(queries.get(0))).isEqualTo(
                FileState.Present.text("flannel-backend: vxlan\n# it's \"quoted\"\n", "600", owner, group));
        assertThat(values.get(queries.get(1))).isEqualTo(new FileState.Present(binary, "750", owner, group));
        assertThat(values.get(queries.get(2))).isEqualTo(FileState.absent());
        assertThat(values.get(queries.get(3))).isEqualTo(FileState.Present.text("", modeOf(empty), owner, group));
    }

    @Test
    void aDirectoryWhereAFileShouldBeIsAnError() {
        List<Query.File> queries = List.of(new Query.File(dir.toString()));
        CommandResult result = run(StateReader.command(queries));
        assertThatThrownBy(() -> StateReader.parse(queries, result)).isInstanceOf(StateException.class)
                .hasMessageContaining("cannot read " + dir).hasMessageContaining("not a regular file");
    }

    @Test
    void aSymbolicLinkIsRefusedNotReadThroughItsTarget() throws IOException {
        Path target = Files.writeString(dir.resolve("real.yaml"), "token: secret\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("config.yaml"), target);
        List<Query.File> queries = List.of(new Query.File(link.toString()));
        CommandResult result = run(StateReader.command(queries));
        assertThatThrownBy(() -> StateReader.parse(queries, result)).isInstanceOf(StateException.class)
                .hasMessageContaining("a symbolic link: nodefix changes regular files only");
    }

    @Test
    void noQueriesIsANoOpScript() {
        CommandResult result = run(StateReader.command(List.of()));
        assertThat(result.exitCode()).isZero();
        assertThat(StateReader.parse(List.of(), result)).isEmpty();
    }

    @Test
    void outputCutShortIsAStateException() throws IOException {
        Files.writeString(dir.resolve("a"), "a\n");
        Files.writeString(dir.resolve("b"), "b\n");
        List<Query.File> queries = List.of(new Query.File(dir.resolve("a").toString()), new Query.File(dir.resolve("b").toString()));
        CommandResult whole = run(StateReader.command(queries));
        assertThat(StateReader.parse(queries, whole)).hasSize(2);
        String out = whole.stdout();
        String cut = out.substring(0, out.indexOf("@@nodefix-rc 1"));
        CommandResult dropped = new CommandResult(255, cut, "connection reset\n", Duration.ZERO);
        assertThatThrownBy(() -> StateReader.parse(queries, dropped)).isInstanceOf(StateException.class)
                .hasMessageContaining("cut short at query 1").hasMessageContaining("exit 255")
                .hasMessageContaining("connection reset");
        CommandResult nothing = new CommandResult(127, "", "/bin/sh: not found\n", Duration.ZERO);
        assertThatThrownBy(() -> StateReader.parse(queries, nothing)).isInstanceOf(StateException.class)
                .hasMessageContaining("cut short at query 0");
    }

    @Test
    void readAheadKeepsEachFailureWithItsQueryAndTheOtherValues() throws IOException {
        Path file = Files.writeString(dir.resolve("a"), "a\n");
        List<Query.File> queries = List.of(new Query.File(dir.toString()), new Query.File(file.toString()),
                new Query.File(dir.resolve("b").toString()));
        CommandResult whole = run(StateReader.command(queries));
        Map<Query, Object> values = StateReader.parseEach(queries, whole);
        assertThat(values.keySet()).containsExactlyElementsOf(queries);
        assertThat(values.get(queries.get(0))).isInstanceOfSatisfying(FailedRead.class, f -> assertThat(f.message())
                .contains("cannot read " + dir).contains("not a regular file"));
        assertThatThrownBy(() -> FailedRead.valueOf(values.get(queries.get(0)))).isInstanceOf(StateException.class)
                .hasMessageContaining("not a regular file");
        assertThat(FailedRead.valueOf(values.get(queries.get(1)))).isInstanceOf(FileState.Present.class);
        assertThat(values.get(queries.get(2))).isEqualTo(FileState.absent());

        String out = whole.stdout();
        CommandResult dropped = new CommandResult(255, out.substring(0, out.indexOf("@@nodefix-rc 1")),
                "connection reset\n", Duration.ZERO);
        Map<Query, Object> cut = StateReader.parseEach(queries, dropped);
        assertThat(cut.get(queries.get(1))).isInstanceOfSatisfying(FailedRead.class,
                f -> assertThat(f.message()).contains("cut short at query 1").contains("connection reset"));
        // query 2 never ran: it has no value, not query 1's failure, so a task that needs it reads it then
        assertThat(cut.keySet()).containsExactlyElementsOf(queries.subList(0, 2));
    }

    @Test
    void readAheadCutShortBeforeAnyQueryFailsOnlyTheFirst() {
        List<Query.File> queries = List.of(new Query.File("/a"), new Query.File("/b"));
        CommandResult refused = new CommandResult(1, "", "sudo: a password is required\n", Duration.ZERO);
        Map<Query, Object> values = StateReader.parseEach(queries, refused);
        assertThat(values.keySet()).containsExactly(queries.get(0));
        assertThat(values.get(queries.get(0))).isInstanceOfSatisfying(FailedRead.class, f -> assertThat(f.message())
                .contains("cut short at query 0").contains("a password is required"));
    }

    @Test
    void unitQueryIsParsedFromItsFrameWithItsExitCode() {
        Query.Unit unit = new Query.Unit("k3s.service");
        String canned = "@@nodefix-q 0\nLoadState=loaded\nUnitFileState=enabled\nActiveState=active\n@@nodefix-rc 0 0\n";
        Map<Query, Object> values = StateReader.parse(List.of(unit),
                new CommandResult(0, canned, "", Duration.ZERO));
        assertThat(values.get(unit)).isEqualTo(new UnitState("k3s.service", true, "enabled", "active"));
        String withExit = "@@nodefix-q 0\nLoadState=not-found\nUnitFileState=\nActiveState=inactive\n@@nodefix-rc 0 1\n";
        assertThat(StateReader.parse(List.of(unit), new CommandResult(0, withExit, "", Duration.ZERO)).get(unit))
                .isEqualTo(new UnitState("k3s.service", false, "", "inactive"));
    }

    @Test
    void offloadStateFromEthtoolText() {
        Query.Offload q = new Query.Offload("flannel.1");
        OffloadState s = q.parse("""
                Features for flannel.1:
                rx-checksumming: on
                tx-checksumming: on
                \ttx-checksum-ipv4: off [fixed]
                \ttx-checksum-ip-generic: on
                tcp-segmentation-offload: off
                \ttx-tcp-segmentation: off [requested on]
                large-receive-offload: off [fixed]
                """, 0);
        assertThat(s.present()).isTrue();
        assertThat(s.feature("tx-checksum-ip-generic")).contains(new EthtoolFeatures.Feature(true, false));
        assertThat(s.feature("tx-checksum-ipv4")).contains(new EthtoolFeatures.Feature(false, true));
        assertThat(s.feature("tx-tcp-segmentation")).contains(new EthtoolFeatures.Feature(false, false));
        assertThat(s.feature("large-receive-offload")).contains(new EthtoolFeatures.Feature(false, true));
        assertThat(s.feature("no-such-feature")).isEmpty();

        OffloadState gone = q.parse("netlink error: no device matches name (offset 24)\nnetlink error: No such device\n", 1);
        assertThat(gone.present()).isFalse();
        assertThat(gone.feature("tx-checksum-ip-generic")).isEmpty();
        assertThat(q.script()).isEqualTo("ethtool -k flannel.1 2>&1");
    }

    @Test
    void unitStateFromSystemctlShow() {
        Query.Unit q = new Query.Unit("nodefix-offload@flannel.1.service");
        UnitState enabled = q.parse("ActiveState=active\nLoadState=loaded\nUnitFileState=enabled\n", 0);
        assertThat(enabled).isEqualTo(new UnitState("nodefix-offload@flannel.1.service", true, "enabled", "active"));
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.isActive()).isTrue();

        UnitState disabled = q.parse("LoadState=loaded\nUnitFileState=disabled\nActiveState=failed\n", 0);
        assertThat(disabled.exists()).isTrue();
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.active()).isEqualTo("failed");
        assertThat(disabled.isActive()).isFalse();

        UnitState missing = q.parse("LoadState=not-found\nUnitFileState=\nActiveState=inactive\n", 0);
        assertThat(missing).isEqualTo(new UnitState("nodefix-offload@flannel.1.service", false, "", "inactive"));
        // no systemd at all: no output
        assertThat(q.parse("", 1)).isEqualTo(new UnitState("nodefix-offload@flannel.1.service", false, "", "inactive"));
    }

    private static String modeOf(Path p) throws IOException {
        int bits = 0;
        for (var perm : Files.getPosixFilePermissions(p)) {
            bits |= 1 << (8 - perm.ordinal());
        }
        return Integer.toOctalString(bits);
    }

    private static CommandResult run(Command command) {
        return LocalShell.run(command);
    }
}
