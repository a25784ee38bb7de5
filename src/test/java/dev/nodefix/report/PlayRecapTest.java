package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.executor.TaskLine;
import dev.nodefix.report.PlayTextTest.Case;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PLAY RECAP counts of every {@code report/play/<case>} against the counts its {@code recap} states by hand (ok
 * includes changed, an ignored failure is ignored and not failed, deferred only when there is one).
 */
class PlayRecapTest {
    static List<Case> cases() {
        return Case.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void countsAsTheCaseSays(Case c) {
        Map<String, Object> actual = new LinkedHashMap<>();
        PlayRecap.of(c.lines()).forEach(r -> actual.put(r.host(), r.toMap()));
        Map<String, Object> expected = new java.util.TreeMap<>(); // rows come by host name
        c.map("recap").forEach((host, counts) -> {
            Map<String, Object> withDeferred = new LinkedHashMap<>();
            ((Map<?, ?>) counts).forEach((k, v) -> withDeferred.put(String.valueOf(k), v));
            withDeferred.putIfAbsent("deferred", 0); // the cases write it only where it is not 0
            expected.put(String.valueOf(host), withDeferred);
        });
        assertThat(actual).as(c.name()).containsExactlyEntriesOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyLineIsCountedOnceAndOkIncludesChanged(Case c) {
        for (PlayRecap r : PlayRecap.of(c.lines())) {
            long lines = c.lines().stream().filter(l -> l.host().equals(r.host())).count();
            assertThat(r.ok() + r.unreachable() + r.failed() + r.skipped() + r.ignored()
                    + r.deferred()).as(c + ": " + r.host()).isEqualTo((int) lines);
            assertThat(r.ok()).as(c + ": " + r.host()).isGreaterThanOrEqualTo(r.changed());
        }
    }

    @Test
    void deferredIsAlwaysAKeySoEveryHostHasTheSameKeys() {
        assertThat(new PlayRecap("a", 1, 0, 0, 0, 0, 0, 0).toMap()).containsEntry("deferred", 0);
        assertThat(new PlayRecap("a", 1, 0, 0, 0, 0, 0, 2).toMap()).containsEntry("deferred", 2);
    }

    @Test
    void anIgnoredUnreachableHostIsStillUnreachable() {
        TaskLine l = new TaskLine(0, 1, "t", "a", TaskLine.Status.UNREACHABLE, true, false, "ssh: timeout", List.of(), List.of());
        assertThat(PlayRecap.of(List.of(l))).containsExactly(new PlayRecap("a", 0, 0, 1, 0, 0, 0, 0));
    }
}
