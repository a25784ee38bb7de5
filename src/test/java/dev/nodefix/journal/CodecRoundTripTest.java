package dev.nodefix.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.change.Change;
import dev.nodefix.change.CommandChange;
import dev.nodefix.change.DaemonReload;
import dev.nodefix.change.DirectoryChange;
import dev.nodefix.change.FileChange;
import dev.nodefix.change.K3sRestart;
import dev.nodefix.change.OffloadChange;
import dev.nodefix.change.ServiceChange;
import dev.nodefix.change.UdevTrigger;
import dev.nodefix.change.UnitEnablementChange;
import dev.nodefix.query.FileState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every change and entry survives the journal's JSON line unchanged; a damaged before-image is refused. */
class CodecRoundTripTest {
    private static final byte[] BINARY = {0, 1, 2, (byte) 0xff, (byte) 0xfe, '\n', '\r', '"', '\\', (byte) 0x80, 0};

    static Stream<Change> changes() {
        return Stream.of(
                new FileChange("/etc/rancher/k3s/config.yaml", FileState.absent(),
                        FileState.Present.text("flannel-backend: host-gw\n", "600", "root", "root")),
                new FileChange("/etc/x", FileState.Present.text("old \"quoted\"\n\ttab ünïcode\n", "0644", "root", "adm"),
                        FileState.Present.text("new\n", "640", "root", "root")),
                new FileChange("/etc/udev/rules.d/90-x.rules", FileState.Present.text("", "644", "root", "root"),
                        FileState.absent()),
                new FileChange("/usr/local/bin/blob", FileState.absent(), new FileState.Present(BINARY, "4755", "root", "root")),
                new OffloadChange("flannel.1", "tx-checksum-ip-generic", true, false),
                new UnitEnablementChange("nodefix-offload@flannel.1.service", false, true),
                new ServiceChange("k3s.service", ServiceChange.Action.START, Duration.ofSeconds(30)),
                new ServiceChange("k3s.service", ServiceChange.Action.STOP, Duration.ofMillis(1500)),
                new ServiceChange("k3s-agent.service", ServiceChange.Action.RESTART, Duration.ofMinutes(2)),
                new DaemonReload(),
                new UdevTrigger("flannel.1"),
                new CommandChange("echo 'a \"b\"' > /tmp/x; exit 0", Optional.of("rm -f /tmp/x")),
                new CommandChange("modprobe br_netfilter", Optional.empty()),
                new CommandChange("echo loaded", Optional.of("true"), Optional.of("stdout =~ 'load.*'")),
                new CommandChange("true", Optional.of("echo loaded"), Optional.empty(), Optional.of("rc == 0")),
                new K3sRestart("k3s.service", "vxlan", "host-gw", Duration.ofSeconds(90)),
                new DirectoryChange("/etc/systemd/system/sys-devices-virtual-net-flannel.1.device.wants", true),
                new DirectoryChange("/etc/nodefix test/a", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void changeSurvivesTheCodec(Change change) {
        assertThat(ChangeCodec.decode(ChangeCodec.encode(change))).isEqualTo(change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void intentSurvivesItsJsonLine(Change change) {
        Entry.Intent intent = new Entry.Intent(3, 2, "task \"two\"", change, Optional.of("20261125T201503Z-3f9a#4"));
        String line = EntryCodec.line(Optional.of("node1"), intent);
        assertThat(line).doesNotContain("\n");
        HostEntry back = EntryCodec.parse(line);
        assertThat(back.host()).contains("node1");
        assertThat(back.entry()).isEqualTo(intent);
        assertThat(((Entry.Intent) back.entry()).change().describe()).isEqualTo(change.describe());
    }

    @Test
    void everyKindOfChangeIsCovered() {
        Set<Class<?>> covered = changes().map(Object::getClass).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(Arrays.asList(Change.class.getPermittedSubclasses()));
    }

    @Test
    void binaryContentComesBackByteForByte() {
        FileChange change = new FileChange("/b", FileState.absent(), new FileState.Present(BINARY, "644", "root", "root"));
        Change back = EntryCodec.parse(EntryCodec.line(Optional.empty(),
                new Entry.Intent(1, 1, "t", change, Optional.empty()))).entry() instanceof Entry.Intent i ? i.change() : null;
        assertThat(back).isInstanceOf(FileChange.class);
        assertThat(((FileState.Present) ((FileChange) back).after()).content()).containsExactly(BINARY);
    }

    @Test
    void otherEntriesSurviveTheirLines() {
        List<Entry> entries = List.of(
                new Entry.Started("20261125T201503Z-3f9a", RunKind.APPLY, Optional.empty(), Instant.parse("2026-11-25T20:15:03.123Z")),
                new Entry.Started("20261125T211503Z-0001", RunKind.ROLLBACK, Optional.of("20261125T201503Z-3f9a"),
                        Instant.parse("2026-11-25T21:15:03Z")),
                new Entry.Done(12),
                new Entry.Failed(13, "exit 1: ethtool: \"bad\" feature\nsecond line"));
        for (Entry e : entries) {
            assertThat(EntryCodec.parse(EntryCodec.line(Optional.empty(), e)))
                    .isEqualTo(new HostEntry(Optional.empty(), e));
        }
    }

    @Test
    void sha256MismatchIsRejected() {
        FileChange change = new FileChange("/etc/x", FileState.absent(), FileState.Present.text("right\n", "644", "root", "root"));
        String line = EntryCodec.line(Optional.empty(), new Entry.Intent(1, 1, "t", change, Optional.empty()));
        String sha = ((FileState.Present) change.after()).sha256();
        String tampered = line.replace(sha, "0".repeat(64));
        assertThat(tampered).isNotEqualTo(line);
        assertThatThrownBy(() -> EntryCodec.parse(tampered)).isInstanceOf(JournalException.class)
                .hasMessageContaining("sha256");
    }

    @Test
    void contentChangedUnderItsSha256IsRejected() {
        FileChange change = new FileChange("/etc/x", FileState.absent(), FileState.Present.text("right\n", "644", "root", "root"));
        String line = EntryCodec.line(Optional.empty(), new Entry.Intent(1, 1, "t", change, Optional.empty()));
        String b64 = java.util.Base64.getEncoder().encodeToString("right\n".getBytes());
        String other = java.util.Base64.getEncoder().encodeToString("wrong\n".getBytes());
        assertThatThrownBy(() -> EntryCodec.parse(line.replace(b64, other))).isInstanceOf(JournalException.class)
                .hasMessageContaining("does not match its sha256");
    }

    @Test
    void nodeSideDoneAndFailedLinesParse() {
        // exactly what NodeJournal's shell script prints with printf
        assertThat(EntryCodec.parse("{\"phase\":\"done\",\"seq\":7}"))
                .isEqualTo(new HostEntry(Optional.empty(), new Entry.Done(7)));
        assertThat(EntryCodec.parse("{\"phase\":\"failed\",\"seq\":8,\"error\":\"exit 75\"}"))
                .isEqualTo(new HostEntry(Optional.empty(), new Entry.Failed(8, "exit 75")));
    }

    @Test
    void unknownChangeKindAndMissingFieldsAreJournalErrors() {
        assertThatThrownBy(() -> EntryCodec.parse(
                "{\"phase\":\"intent\",\"seq\":1,\"task\":1,\"task_name\":\"t\",\"change\":{\"kind\":\"teleport\"}}"))
                .isInstanceOf(JournalException.class).hasMessageContaining("unknown change kind in journal: teleport");
        assertThatThrownBy(() -> EntryCodec.parse(
                "{\"phase\":\"intent\",\"seq\":1,\"task\":1,\"task_name\":\"t\",\"change\":{\"kind\":\"offload\",\"iface\":\"e\"}}"))
                .isInstanceOf(JournalException.class).hasMessageContaining("lacks 'feature'");
        assertThatThrownBy(() -> EntryCodec.parse("{\"phase\":\"done\"}"))
                .isInstanceOf(JournalException.class).hasMessageContaining("lacks 'seq'");
    }
}
