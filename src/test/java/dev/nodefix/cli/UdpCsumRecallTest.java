package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import dev.nodefix.fact.UdpCsumRise;
import dev.nodefix.journal.UdpCsumReadings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live diagnose remembers each host's Udp InCsumErrors and tells its rise since the last one. */
class UdpCsumRecallTest {
    private static final Instant FIRST = Instant.parse("2026-12-02T05:00:00Z");
    private static final String BOOT = "5c0a7a43-7e2f-4f5b-9d55-2f1f6a0c0b1e";

    @Test
    void theFirstDiagnoseRemembersTheSecondTellsTheRise(@TempDir Path tmp) {
        UdpCsumRecall recall = new UdpCsumRecall(new UdpCsumReadings(tmp.resolve("state/udp-csum.json")), err());

        UdpCsumRise first = rise(recall.recall(List.of(host("n1", 4021, BOOT)), FIRST));
        UdpCsumRise second = rise(recall.recall(List.of(host("n1", 4078, BOOT)),
                FIRST.plus(Duration.ofMinutes(192))));

        assertThat(first.rose()).isEqualTo(Observed.CANNOT_TELL);
        assertThat(second.rose()).isEqualTo(Observed.YES);
        assertThat(second.by()).isEqualTo(57);
        assertThat(second.over()).contains("3 h 12 min");
        assertThat(second.basis()).isEqualTo("since the last diagnose at 2026-12-02T05:00:00Z");
    }

    @Test
    void anotherBootIdOrAFallenCounterIsARebootNotARise(@TempDir Path tmp) {
        UdpCsumRecall recall = new UdpCsumRecall(new UdpCsumReadings(tmp.resolve("udp-csum.json")), err());
        recall.recall(List.of(host("n1", 10, BOOT), host("n2", 500, BOOT)), FIRST);

        List<HostFacts> later = recall.recall(List.of(host("n1", 90, "another-boot"), host("n2", 3, BOOT)),
                FIRST.plusSeconds(60));

        assertThat(rise(later.subList(0, 1)).rose()).isEqualTo(Observed.CANNOT_TELL);
        assertThat(rise(later.subList(1, 2)).rose()).isEqualTo(Observed.CANNOT_TELL);
    }

    @Test
    void anUnchangedCounterIsNoRiseAndAnUnreachableHostKeepsItsReading(@TempDir Path tmp) {
        UdpCsumReadings store = new UdpCsumReadings(tmp.resolve("udp-csum.json"));
        UdpCsumRecall recall = new UdpCsumRecall(store, err());
        recall.recall(List.of(host("n1", 7, BOOT), host("n2", 1, BOOT)), FIRST);

        List<HostFacts> later = recall.recall(List.of(host("n1", 7, BOOT),
                new HostFacts.NotCollected("n2", "unreachable", "timeout")), FIRST.plusSeconds(45));

        assertThat(rise(later.subList(0, 1)).rose()).isEqualTo(Observed.NO);
        assertThat(rise(later.subList(0, 1)).over()).contains("45 s");
        assertThat(store.load().get("n2").inCsumErrors()).isEqualTo(1);
        assertThat(store.load().get("n1").at()).isEqualTo(FIRST.plusSeconds(45));
    }

    @Test
    void aGarbledMemoryIsForgottenAndAnUnwritableOneOnlyWarns(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("udp-csum.json"), "{not json");
        StringWriter warnings = new StringWriter();
        UdpCsumRecall recall = new UdpCsumRecall(new UdpCsumReadings(file), new PrintWriter(warnings, true));
        assertThat(rise(recall.recall(List.of(host("n1", 7, BOOT)), FIRST)).rose()).isEqualTo(Observed.CANNOT_TELL);

        Path blocked = Files.writeString(tmp.resolve("a-file"), "");
        UdpCsumRecall unwritable = new UdpCsumRecall(new UdpCsumReadings(blocked.resolve("udp-csum.json")),
                new PrintWriter(warnings, true));
        List<HostFacts> out = unwritable.recall(List.of(host("n1", 7, BOOT)), FIRST);

        assertThat(out).hasSize(1);
        assertThat(warnings.toString()).contains("warning: cannot remember the Udp counters");
    }

    private static HostFacts host(String name, long errors, String boot) {
        return new HostFacts.Collected(name, NodeFacts.parse("@@nodefix:section udp-snmp@@\n# boot: " + boot
                + "\nUdp: InDatagrams InErrors InCsumErrors\nUdp: 100 " + errors + " " + errors
                + "\n\n@@nodefix:end udp-snmp rc=0@@\n"));
    }

    private static UdpCsumRise rise(List<HostFacts> hosts) {
        return ((HostFacts.Collected) hosts.get(0)).facts().udpRise();
    }

    private static PrintWriter err() {
        return new PrintWriter(new StringWriter(), true);
    }

}
